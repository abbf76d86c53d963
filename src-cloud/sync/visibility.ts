import { seesEveryStore, type AuthContext } from '../accounts/auth-context';

/**
 * Which rows a caller pulls, and how. Written twice, side by side, on purpose: as SQL for
 * `pull()` (pull.ts: PostgreSQL filters each caller's page) and as `sightOf` for the shared
 * tail pulls (tail-pull.ts: one tenant-wide query, filtered per caller in JS). Change one, change
 * the other: tests/unit/cloud/pull-visibility.test.ts pins the cases, and
 * tests/integration/cloud/shared-pulls.test.ts checks that both paths answer alike.
 *
 * - MAY_SEE: the row is nobody's own or the caller's, and in one of their stores (managers and
 *   admins: every store), or in no store. Seen and not deleted: an upsert.
 * - SAW_BEFORE: the row moved away from one of the caller's stores (a lead changing store), so
 *   their replica holds it. Not seen any more, or deleted: a delete.
 *
 * In PULL_SQL: $4 the caller's user id, $5 whether they see every store, $6 their store ids.
 */
export const MAY_SEE = `(owner_user_id IS NULL OR owner_user_id = $4)
  AND ($5 OR store_id IS NULL OR store_id = ANY($6::text[]))`;
export const SAW_BEFORE = `(owner_user_id IS NULL OR owner_user_id = $4) AND former_store_ids && $6::text[]`;

/** The bookkeeping columns of a synced row that decide who pulls it. */
export interface ScopeColumns {
  deleted: boolean;
  store_id: string | null;
  owner_user_id: string | null;
  former_store_ids: readonly string[];
}

export type Puller = Pick<AuthContext, 'userId' | 'role' | 'storeIds'>;

/** What `caller` pulls of a row: its upsert, a delete, or nothing (null). MAY_SEE/SAW_BEFORE in JS. */
export function sightOf(row: ScopeColumns, caller: Puller): 'upsert' | 'delete' | null {
  const theirsToSee = row.owner_user_id === null || row.owner_user_id === caller.userId;
  if (!theirsToSee) return null;
  const maySee =
    seesEveryStore(caller) || row.store_id === null || caller.storeIds.includes(row.store_id);
  if (maySee) return row.deleted ? 'delete' : 'upsert';
  const sawBefore = row.former_store_ids.some((storeId) => caller.storeIds.includes(storeId));
  return sawBefore ? 'delete' : null;
}
