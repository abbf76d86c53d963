import type { Queryable } from '../db/db';

/** One row of `jobs` (db/migrations/0013-jobs.sql) as the runner hands it to its kind. */
export interface Job {
  key: string;
  kind: string;
  tenantId: string | null;
  payload: unknown;
  runAt: number;
  /** This run included: 1 the first time. */
  attempts: number;
}

export interface PlannedJob {
  key: string;
  kind: string;
  tenantId: string | null;
  payload: unknown;
  runAt: number;
}

/**
 * Plans a job once: a key already planned keeps its row, except that a job nobody has tried
 * yet takes the new time (a store moved its report hour). Safe from any number of processes.
 */
export async function planJob(db: Queryable, job: PlannedJob, now: number): Promise<void> {
  await db.query(
    `INSERT INTO jobs (key, kind, tenant_id, payload, run_at, created_at)
     VALUES ($1, $2, $3, $4::jsonb, $5, $6)
     ON CONFLICT (key) DO UPDATE SET run_at = EXCLUDED.run_at, payload = EXCLUDED.payload
     WHERE jobs.done_at IS NULL AND jobs.attempts = 0 AND jobs.run_at <> EXCLUDED.run_at`,
    [job.key, job.kind, job.tenantId, JSON.stringify(job.payload ?? {}), job.runAt, now],
  );
}

interface JobRow {
  key: string;
  kind: string;
  tenant_id: string | null;
  payload: unknown;
  run_at: number;
  attempts: number;
}

/**
 * Claims up to `limit` due jobs of the given kinds for `leaseMs`: rows another process is
 * claiming right now are skipped (SKIP LOCKED), rows it has claimed are not due until its lease
 * ends. The claim commits at once; the work runs outside the transaction.
 */
export async function claimDueJobs(
  db: Queryable,
  kinds: readonly string[],
  now: number,
  leaseMs: number,
  limit: number,
): Promise<Job[]> {
  const rows = await db.query<JobRow>(
    `UPDATE jobs SET claimed_until = $2, attempts = attempts + 1
     WHERE key IN (
       SELECT key FROM jobs
       WHERE done_at IS NULL AND run_at <= $1 AND kind = ANY($3::text[])
         AND (claimed_until IS NULL OR claimed_until <= $1)
       ORDER BY run_at LIMIT ${Math.max(1, Math.floor(limit))}
       FOR UPDATE SKIP LOCKED)
     RETURNING key, kind, tenant_id, payload, run_at, attempts`,
    [now, now + leaseMs, kinds],
  );
  return rows
    .map((row) => ({
      key: row.key,
      kind: row.kind,
      tenantId: row.tenant_id,
      payload: row.payload,
      runAt: row.run_at,
      attempts: row.attempts,
    }))
    .sort((a, b) => a.runAt - b.runAt);
}

export async function finishJob(db: Queryable, key: string, now: number): Promise<void> {
  await db.query(
    'UPDATE jobs SET done_at = $2, claimed_until = NULL, last_error = NULL WHERE key = $1',
    [key, now],
  );
}

/** A failed run: tried again at `retryAt`, or, with null, given up (done, with the error). */
export async function failJob(
  db: Queryable,
  key: string,
  error: string,
  now: number,
  retryAt: number | null,
): Promise<void> {
  await db.query(
    `UPDATE jobs SET claimed_until = NULL, last_error = $2,
       run_at = COALESCE($3, run_at), done_at = CASE WHEN $3::bigint IS NULL THEN $4::bigint END
     WHERE key = $1`,
    [key, error.slice(0, 1000), retryAt, now],
  );
}

/** Forgets finished jobs older than `before` (the table would otherwise grow every night). */
export async function purgeDoneJobs(db: Queryable, before: number): Promise<void> {
  await db.query('DELETE FROM jobs WHERE done_at IS NOT NULL AND done_at < $1', [before]);
}
