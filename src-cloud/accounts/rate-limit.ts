import type { Queryable } from '../db/db';
import { HttpError } from '../http/errors';

export interface RateLimit {
  attempts: number;
  windowMs: number;
}

/**
 * Fixed-window counters for sign-in attempts, in the database so that every cloud process
 * counts the same attempts. Per address, every attempt counts; per email, only failures, so a
 * colleague guessing cannot lock a user out for long and a user signing in often is never
 * limited.
 */
export async function countAttempt(
  q: Queryable,
  key: string,
  limit: RateLimit,
  now: number,
): Promise<void> {
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
  if (row && row.attempts > limit.attempts) throw limited(row.window_started_at, limit, now);
}

/** Refuses when `key` already used up its attempts in the current window. */
export async function checkAttempts(
  q: Queryable,
  key: string,
  limit: RateLimit,
  now: number,
): Promise<void> {
  const [row] = await q.query<{ attempts: number; window_started_at: number }>(
    'SELECT attempts, window_started_at FROM login_attempts WHERE key = $1 AND window_started_at > $2',
    [key, now - limit.windowMs],
  );
  if (row && row.attempts >= limit.attempts) throw limited(row.window_started_at, limit, now);
}

function limited(windowStartedAt: number, limit: RateLimit, now: number): HttpError {
  const retryAfter = Math.max(1, Math.ceil((windowStartedAt + limit.windowMs - now) / 1000));
  return new HttpError(
    429,
    'rate_limited',
    `too many sign-in attempts; try again in ${retryAfter} s`,
    {
      'retry-after': String(retryAfter),
    },
  );
}
