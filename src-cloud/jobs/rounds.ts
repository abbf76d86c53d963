import type { FastifyBaseLogger } from 'fastify';

/** A worker that runs rounds of work in this process (offer expiry, scheduled texts, jobs...). */
export interface Rounds<T> {
  /** Runs one round now, after any under way (tests; the timer runs them otherwise). */
  runOnce(): Promise<T>;
  /** Stops the timer and waits for a round in progress. */
  stop(): Promise<void>;
}

/**
 * Runs `round` `everyMs` after the previous one ended, until stopped. Rounds never overlap: a
 * `runOnce` queues behind the one under way. A round that fails is logged as `what failed` and
 * answers `fallback`; the next one tries again.
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

  const runOnce = (): Promise<T> => {
    running = running.then(round).catch((error: unknown) => {
      log.error({ err: error }, `${what} failed`);
      return fallback;
    });
    return running;
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => void runOnce().finally(schedule), everyMs);
    timer.unref();
  };
  schedule();

  return {
    runOnce,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
