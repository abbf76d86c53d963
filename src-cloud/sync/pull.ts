import { SYNC_TABLES } from '../../src-shared/sync/changes';
import type { PullResponse } from '../../src-shared/sync/protocol';
import type { Queryable } from '../db/db';
import { seesEveryStore, type AuthContext } from '../accounts/auth-context';
import { MAY_SEE, SAW_BEFORE } from './visibility';

/**
 * GET /v1/sync: the rows of every synced table changed after `since`, oldest first, as the
 * caller may see them. One query: a merge of each table's (tenant_id, version) index, cut at
 * `limit`. PostgreSQL renders each change as JSON text, which goes out as is: a page of
 * thousands of rows is never parsed and re-serialised in JS.
 *
 * A row the caller may not see is left out, unless it used to be in one of their stores (a
 * lead that moved away): then it comes as a delete, so their replica drops it. The rules,
 * MAY_SEE and SAW_BEFORE, live in visibility.ts beside their JS twin, which the shared tail
 * pulls (shared-pulls.ts) use: this is the general path, theirs the common one.
 *
 * Each table's branch is cut at the limit too, so that PostgreSQL walks each (tenant_id,
 * version) index for at most `limit` rows and merges them, whatever it guesses about the rest;
 * without it, a first pull of 100k rows could sort the remainder again for every page.
 *
 * One statement, so one snapshot: the clock and the rows are read together. Every row stamped
 * up to the clock is committed in that snapshot (writes take the tenant row's lock in version
 * order), so nothing between `since` and the clock can turn up later. A tenant without changes
 * still answers one row, with the clock and no change.
 */
const PULL_SQL = `WITH tenant AS (SELECT clock FROM tenants WHERE id = $1)
SELECT tenant.clock, page.version, page.change FROM tenant LEFT JOIN LATERAL (
  SELECT version, change FROM (${Object.keys(SYNC_TABLES)
    .map(
      (table) => `
    (SELECT version, (CASE WHEN NOT deleted AND ${MAY_SEE}
        THEN json_build_object('table', '${table}', 'op', 'upsert', 'row', row)
        ELSE json_build_object('table', '${table}', 'op', 'delete', 'id', id) END)::text AS change
    FROM ${table}
    WHERE tenant_id = $1 AND version > $2 AND version <= tenant.clock
      AND ((${MAY_SEE}) OR (${SAW_BEFORE}))
    ORDER BY version LIMIT $3)`,
    )
    .join('\n    UNION ALL')}) AS changes
  ORDER BY version LIMIT $3) AS page ON true
ORDER BY page.version`;

export interface PullPage {
  /** Each change as JSON text, ready to be joined into the response. */
  changes: string[];
  cursor: number;
  more: boolean;
  version: number;
}

export class CursorAheadError extends Error {}

export function cursorAhead(since: number, version: number): CursorAheadError {
  return new CursorAheadError(
    `since=${since} is ahead of this cloud's version ${version}: the replica belongs to another database; start again from 0`,
  );
}

export async function pull(
  db: Queryable,
  auth: Pick<AuthContext, 'tenantId' | 'userId' | 'role' | 'storeIds'>,
  since: number,
  limit: number,
): Promise<PullPage> {
  const rows = await db.query<{ clock: number; version: number | null; change: string | null }>(
    PULL_SQL,
    [auth.tenantId, since, limit + 1, auth.userId, seesEveryStore(auth), auth.storeIds],
  );
  const version = rows[0]?.clock ?? 0;
  if (since > version) throw cursorAhead(since, version);
  const changes = rows.filter(
    (row): row is { clock: number; version: number; change: string } => row.change !== null,
  );
  const more = changes.length > limit;
  const page = more ? changes.slice(0, limit) : changes;
  return {
    changes: page.map((row) => row.change),
    cursor: more ? (page.at(-1)?.version ?? since) : version,
    more,
    version,
  };
}

/** The response body, with the changes spliced in as the JSON PostgreSQL wrote. */
export function pullResponseJson(page: PullPage): string {
  const rest: Omit<PullResponse, 'changes'> = {
    cursor: page.cursor,
    more: page.more,
    version: page.version,
  };
  return `{"changes":[${page.changes.join(',')}],${JSON.stringify(rest).slice(1)}`;
}
