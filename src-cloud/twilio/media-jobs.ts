import type { Queryable } from '../db/db';
import type { MediaItem } from './media-download';

/** An inbound message whose MMS attachments are still to fetch (migration 0009). */
export interface MediaJob {
  tenantId: string;
  messageId: string;
  items: MediaItem[];
  /** Tries so far, this one included. */
  attempts: number;
}

/** How long a claim holds before another process may take the job (a crash mid-fetch). */
export const CLAIM_LEASE_MS = 120_000;

/** Written in the message's own transaction: the job exists exactly when the message does. */
export async function enqueueMediaJob(
  tx: Queryable,
  job: Omit<MediaJob, 'attempts'>,
  now: number,
): Promise<void> {
  await tx.query(
    `INSERT INTO inbound_media_jobs (tenant_id, message_id, items, due_at)
     VALUES ($1, $2, $3::jsonb, $4)`,
    [job.tenantId, job.messageId, JSON.stringify(job.items), now],
  );
}

/**
 * Claims due jobs (one message's when `only` says which): their lease starts now, so no other
 * process or tick takes them while they are fetched. SKIP LOCKED: two claimers never wait on,
 * or take, the same row.
 */
export async function claimMediaJobs(
  db: Queryable,
  now: number,
  limit: number,
  only?: { tenantId: string; messageId: string },
): Promise<MediaJob[]> {
  const rows = await db.query<{
    tenant_id: string;
    message_id: string;
    items: MediaItem[];
    attempts: number;
  }>(
    `UPDATE inbound_media_jobs j SET attempts = j.attempts + 1, due_at = $1 + $2
     FROM (SELECT tenant_id, message_id FROM inbound_media_jobs
           WHERE due_at <= $1 AND ($4::text IS NULL OR (tenant_id = $4 AND message_id = $5))
           ORDER BY due_at LIMIT $3 FOR UPDATE SKIP LOCKED) due
     WHERE j.tenant_id = due.tenant_id AND j.message_id = due.message_id
     RETURNING j.tenant_id, j.message_id, j.items, j.attempts`,
    [now, CLAIM_LEASE_MS, limit, only?.tenantId ?? null, only?.messageId ?? null],
  );
  return rows.map((row) => ({
    tenantId: row.tenant_id,
    messageId: row.message_id,
    items: row.items,
    attempts: row.attempts,
  }));
}

/** Tries again at `dueAt` (Twilio or the network failed this time). */
export async function retryMediaJob(db: Queryable, job: MediaJob, dueAt: number): Promise<void> {
  await db.query(
    'UPDATE inbound_media_jobs SET due_at = $3 WHERE tenant_id = $1 AND message_id = $2',
    [job.tenantId, job.messageId, dueAt],
  );
}

export async function finishMediaJob(tx: Queryable, job: MediaJob): Promise<void> {
  await tx.query('DELETE FROM inbound_media_jobs WHERE tenant_id = $1 AND message_id = $2', [
    job.tenantId,
    job.messageId,
  ]);
}
