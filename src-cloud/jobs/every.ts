import type { FastifyBaseLogger } from 'fastify';

/**
 * Runs `sweep` every `everyMs` in this process until stopped (the sweepers of presence and lead
 * views). A sweep that fails is logged as `what failed` and the next one tries again; a tick
 * that finds the last sweep still running lets it be. The stop function waits for a sweep
 * under way.
 */
export function sweepEvery(
  everyMs: number,
  sweep: () => Promise<unknown>,
  log: FastifyBaseLogger,
  what: string,
): () => Promise<void> {
  let sweeping: Promise<void> | null = null;
  let stopped = false;
  const timer = setInterval(() => {
    if (sweeping || stopped) return;
    sweeping = sweep()
      .then(
        () => {},
        (error: unknown) => log.error({ err: error }, `${what} failed`),
      )
      .finally(() => (sweeping = null));
  }, everyMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await sweeping;
  };
}
