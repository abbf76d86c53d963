import type { Db } from '../db/db';
import { MAX_ATTEMPTS } from './retry-delay';

export interface ClaimedEmail {
  id: string;
  recipients: string[];
  subject: string;
  body: string;
  /** This claim's number: the fence that keeps a late worker from overwriting a newer claim. */
  attempts: number;
}

/**
 * Claims up to `limit` emails that are due, or whose claim's lease ran out (the process sending
 * them died), in one statement. FOR UPDATE SKIP LOCKED: a row another process is claiming
 * right now is skipped, and one it has just claimed no longer matches (status 'sending'), so
 * two processes never hold the same email.
 */
export function claimDue(db: Db, now: number, leaseMs: number, limit: number) {
  return db.query<ClaimedEmail>(
    `UPDATE email_outbox o
     SET status = 'sending', attempts = o.attempts + 1, lease_until = $1::bigint + $2::bigint
     WHERE o.id IN (
       SELECT id FROM email_outbox
       WHERE (status = 'queued' AND next_attempt_at <= $1) OR (status = 'sending' AND lease_until <= $1)
       ORDER BY next_attempt_at, id LIMIT $3 FOR UPDATE SKIP LOCKED)
     RETURNING o.id, o.recipients, o.subject, o.body, o.attempts`,
    [now, leaseMs, limit],
  );
}

export async function markSent(db: Db, email: ClaimedEmail, now: number): Promise<void> {
  await db.query(
    `UPDATE email_outbox SET status = 'sent', sent_at = $3, lease_until = NULL, last_error = NULL
     WHERE id = $1 AND status = 'sending' AND attempts = $2`,
    [email.id, email.attempts, now],
  );
}

/** Back to the queue for a later attempt, or failed for good after MAX_ATTEMPTS. */
export async function markAttemptFailed(
  db: Db,
  email: ClaimedEmail,
  error: string,
  retryAt: number,
): Promise<void> {
  await db.query(
    `UPDATE email_outbox
     SET status = CASE WHEN attempts >= $3 THEN 'failed' ELSE 'queued' END,
         next_attempt_at = $4, lease_until = NULL, last_error = $5
     WHERE id = $1 AND status = 'sending' AND attempts = $2`,
    [email.id, email.attempts, MAX_ATTEMPTS, retryAt, error.slice(0, 500)],
  );
}
