import type { Queryable } from '../db/db';
import { HttpError } from '../http/errors';

export interface RateLimit {
  attempts: number;
  windowMs: number;
}

/**
 * Counts one attempt for each key (an address, an email) in a fixed window, in the database so
 * that every cloud process counts the same attempts, and answers 429 past the limit.
 */
export async function countAttempt(
  q: Queryable,
  keys: string[],
  limit: RateLimit,
  now: number,
): Promise<void> {
  for (const key of keys) {
    const [row] = await q.query<{ attempts: number; window_started_at: number }>(
      `INSERT INTO login_attempts (key, window_started_at, attempts) VALUES ($1, $2, 1)
       ON CONFLICT (key) DO UPDATE SET
         attempts = CASE WHEN login_attempts.window_started_at <= $2 - $3 THEN 1
                         ELSE login_attempts.attempts + 1 END,
         window_started_at = CASE WHEN login_attempts.window_started_at <= $2 - $3 THEN $2
                                  ELSE login_attempts.window_started_at END
       RETURNING attempts, window_started_at`,
      [key, now, limit.windowMs],
    );
    if (row && row.attempts > limit.attempts) {
      const retryAfter = Math.max(1, Math.ceil((row.window_started_at + limit.windowMs - now) / 1000));
      throw new HttpError(
        429,
        'rate_limited',
        `too many sign-in attempts; try again in ${retryAfter} s`,
        { 'retry-after': String(retryAfter) },
      );
    }
  }
}
