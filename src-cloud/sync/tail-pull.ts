import { SYNC_TABLES } from '../../src-shared/sync/changes';
import type { Queryable } from '../db/db';
import { cursorAhead, type PullPage } from './pull';
import { sightOf, type Puller, type ScopeColumns } from './visibility';

/**
 * The tenant's tail: every row changed after `since`, whoever may see it, read once for all the
 * callers who ask for the same tail (shared-pulls.ts), then cut per caller by `sightOf`.
 *
 * PULL_SQL's shape and its one-snapshot property (pull.ts): the clock and the rows in one
 * statement, rows with version in (since, clock], each table's branch cut at the limit, merged
 * and cut again; but without the caller's filter, and returning what the filter needs. The upsert
 * is rendered by PostgreSQL, as PULL_SQL renders it, and goes out as is; only when the tail fits
 * one page ($3 is limit + 1): a longer one (a desktop catching up) is answered by `pull()` per
 * caller, and rendering it here too would double the work of every page of a first sync.
 */
const TAIL_SQL = `WITH tenant AS (SELECT clock FROM tenants WHERE id = $1)
SELECT tenant.clock, page.version, page.table_name, page.id, page.deleted, page.store_id,
  page.owner_user_id, page.former_store_ids,
  (CASE WHEN NOT page.deleted AND count(*) OVER () < $3
    THEN json_build_object('table', page.table_name, 'op', 'upsert', 'row', page.row)::text END)
    AS upsert
FROM tenant LEFT JOIN LATERAL (
  SELECT * FROM (${Object.keys(SYNC_TABLES)
    .map(
      (table) => `
    (SELECT version, '${table}'::text AS table_name, id, deleted, store_id, owner_user_id,
        former_store_ids, row
    FROM ${table}
    WHERE tenant_id = $1 AND version > $2 AND version <= tenant.clock
    ORDER BY version LIMIT $3)`,
    )
    .join('\n    UNION ALL')}) AS changes
  ORDER BY version LIMIT $3) AS page ON true
ORDER BY page.version`;

export interface TailRow extends ScopeColumns {
  version: number;
  table_name: string;
  id: string;
  /** The upsert change as JSON text; null for a deleted row, or when the tail does not fit. */
  upsert: string | null;
}

export interface Tail {
  clock: number;
  /** Oldest first; more than `limit` of them: the tail does not fit one page. */
  rows: TailRow[];
}

export async function readTail(
  db: Queryable,
  tenantId: string,
  since: number,
  limit: number,
): Promise<Tail> {
  const rows = await db.query<{ clock: number } & ({ version: null } | TailRow)>(TAIL_SQL, [
    tenantId,
    since,
    limit + 1,
  ]);
  return {
    clock: rows[0]?.clock ?? 0,
    rows: rows.filter((row): row is { clock: number } & TailRow => row.version !== null),
  };
}

/**
 * The page `pull(db, caller, since, limit)` would answer from the same snapshot, or null when
 * the tail is longer than a page (the caller then pulls on its own, paging with `more`). When it
 * fits, every row the caller may see is in it, so their page is all of it: cursor = clock.
 */
export function pageFromTail(
  tail: Tail,
  caller: Puller,
  since: number,
  limit: number,
): PullPage | null {
  if (since > tail.clock) throw cursorAhead(since, tail.clock);
  if (tail.rows.length > limit) return null;
  const changes: string[] = [];
  for (const row of tail.rows) {
    const sight = sightOf(row, caller);
    if (sight === 'upsert') changes.push(row.upsert as string);
    else if (sight === 'delete') changes.push(deleteChange(row));
  }
  return { changes, cursor: tail.clock, more: false, version: tail.clock };
}

/** The delete change as PULL_SQL's json_build_object has it (same JSON once parsed). */
function deleteChange(row: TailRow): string {
  return JSON.stringify({ table: row.table_name, op: 'delete', id: row.id });
}
