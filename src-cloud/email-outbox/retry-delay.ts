/** After this many failed attempts an email is given up on and recorded as failed. */
export const MAX_ATTEMPTS = 10;
const MAX_DELAY_MS = 3_600_000;

/**
 * How long to wait before attempt `attempts + 1`: doubling from `baseMs` (30 s by default: a
 * restarting mail server is back soon, a broken one is not hammered), never more than an hour.
 */
export function retryDelay(attempts: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), MAX_DELAY_MS);
}
