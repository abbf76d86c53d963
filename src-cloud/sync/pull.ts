import { SYNC_TABLES } from '../../src-shared/sync/changes';
import type { PullResponse } from '../../src-shared/sync/protocol';
import type { Queryable } from '../db/db';
import { seesEveryStore, type AuthContext } from '../accounts/auth-context';

/**
 * GET /v1/sync: the rows of every synced table changed after `since`, oldest first, as the
 * caller may see them. One query: a merge of each table's (tenant_id, version) index, cut at
 * `limit`. PostgreSQL renders each change as JSON text, which goes out as is: a page of
 * thousands of rows is never parsed and re-serialised in JS.
 *
 * A row the caller may not see is left out, unless it used to be in one of their stores (a
 * lead that moved away): then it comes as a delete, so their replica drops it.
 */
const MAY_SEE = `(owner_user_id IS NULL OR owner_user_id = $5)
  AND ($6 OR store_id IS NULL OR store_id = ANY($7::text[]))`;
const SAW_BEFORE = `(owner_user_id IS NULL OR owner_user_id = $5) AND former_store_ids && $7::text[]`;

const PULL_SQL = `SELECT version, change FROM (${Object.keys(SYNC_TABLES)
  .map(
    (table) => `
  SELECT version, (CASE WHEN NOT deleted AND ${MAY_SEE}
      THEN json_build_object('table', '${table}', 'op', 'upsert', 'row', row)
      ELSE json_build_object('table', '${table}', 'op', 'delete', 'id', id) END)::text AS change
  FROM ${table}
  WHERE tenant_id = $1 AND version > $2 AND version <= $3 AND ((${MAY_SEE}) OR (${SAW_BEFORE}))`,
  )
  .join('\n  UNION ALL')}) AS changes
ORDER BY version LIMIT $4`;

export interface PullPage {
  /** Each change as JSON text, ready to be joined into the response. */
  changes: string[];
  cursor: number;
  more: boolean;
  version: number;
}

export class CursorAheadError extends Error {}

export async function pull(
  db: Queryable,
  auth: Pick<AuthContext, 'tenantId' | 'userId' | 'role' | 'storeIds'>,
  since: number,
  limit: number,
): Promise<PullPage> {
  // Read the clock first: every row stamped up to it is committed (writes take the tenant row's
  // lock in version order), so nothing between `since` and `version` can appear later.
  const [tenant] = await db.query<{ clock: number }>('SELECT clock FROM tenants WHERE id = $1', [
    auth.tenantId,
  ]);
  const version = tenant?.clock ?? 0;
  if (since > version) {
    throw new CursorAheadError(
      `since=${since} is ahead of this cloud's version ${version}: the replica belongs to another database; start again from 0`,
    );
  }
  const rows = await db.query<{ version: number; change: string }>(PULL_SQL, [
    auth.tenantId,
    since,
    version,
    limit + 1,
    auth.userId,
    seesEveryStore(auth),
    auth.storeIds,
  ]);
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
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
