import type { FastifyBaseLogger } from 'fastify';

/** A worker that runs rounds of work in this process (offer expiry, scheduled texts, jobs...). */
export interface Rounds<T> {
  /** Runs one round now, after any under way (tests; the timer runs them otherwise). */
  runOnce(): Promise<T>;
  /**
   * Something is due now (a text queued, a NOTIFY heard): a round runs at once, or right after
   * the one under way, which may have looked before it was there. Wakes meanwhile make one round.
   */
  wake(): void;
  /** Stops the timer and waits for a round in progress. */
  stop(): Promise<void>;
}

/**
 * Runs `round` `everyMs` after the previous one ended, or sooner when woken, until stopped.
 * Rounds never overlap: a `runOnce` queues behind the one under way. A round that fails is
 * logged as `what failed` and answers `fallback`; the next one tries again.
 */
export function repeatRounds<T>(
  everyMs: number,
  round: () => Promise<T>,
  fallback: T,
  log: FastifyBaseLogger,
  what: string,
): Rounds<T> {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<T> = Promise.resolve(fallback);
  let woken = false;

  const runOnce = (): Promise<T> => {
    running = running.then(round).catch((error: unknown) => {
      log.error({ err: error }, `${what} failed`);
      return fallback;
    });
    return running;
  };
  const schedule = (delayMs: number) => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      woken = false;
      void runOnce().finally(() => schedule(woken ? 0 : everyMs));
    }, delayMs);
    timer.unref();
  };
  schedule(everyMs);

  return {
    runOnce,
    wake() {
      woken = true;
      // No timer: a round is under way, and its end schedules the next one at once.
      if (timer) schedule(0);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
