import type { SyncRow, SyncTable } from '../../../../src-shared/sync/changes';
import type { Db } from '../../../../src-cloud/db/db';

/** The stored row, read straight from the cloud's database (null when missing or deleted). */
export async function rowOf<T extends SyncTable>(
  db: Db,
  table: T,
  id: string,
): Promise<SyncRow<T> | null> {
  const [found] = await db.query<{ row: SyncRow<T> }>(
    `SELECT row FROM ${table} WHERE id = $1 AND NOT deleted`,
    [id],
  );
  return found?.row ?? null;
}

/** The timeline of a lead, oldest first. */
export async function timelineOf(db: Db, leadId: string): Promise<SyncRow<'timeline_events'>[]> {
  const rows = await db.query<{ row: SyncRow<'timeline_events'> }>(
    'SELECT row FROM timeline_events WHERE lead_id = $1 AND NOT deleted ORDER BY version',
    [leadId],
  );
  return rows.map((r) => r.row);
}

/**
 * What a tenant's data looks like, in a few numbers: equal before and after means nothing was
 * written. Every synced write bumps the clock; the rest covers what only the cloud keeps.
 */
export async function snapshot(db: Db, tenantId: string): Promise<unknown> {
  const [state] = await db.query(
    `SELECT
       (SELECT clock FROM tenants WHERE id = $1) AS clock,
       (SELECT string_agg(id || ':' || coalesce(password_hash, '') || ':' || coalesce(disabled_at::text, ''), ',' ORDER BY id)
          FROM users WHERE tenant_id = $1) AS users,
       (SELECT count(*)::int FROM invites WHERE tenant_id = $1) AS invites,
       (SELECT count(*)::int FROM media WHERE tenant_id = $1) AS media,
       (SELECT count(*)::int FROM calls WHERE tenant_id = $1) AS calls,
       (SELECT count(*)::int FROM sessions WHERE tenant_id = $1 AND revoked_at IS NOT NULL) AS revoked`,
    [tenantId],
  );
  return state;
}
