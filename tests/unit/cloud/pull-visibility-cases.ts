import type { Puller, ScopeColumns } from '../../../src-cloud/sync/visibility';

/**
 * Who pulls what of a row, case by case: the unit test checks `sightOf` against `expected`, and
 * tests/integration/cloud/shared-pulls.test.ts runs the same cases through the SQL rules
 * (MAY_SEE, SAW_BEFORE) in PostgreSQL and PGlite.
 */
export interface SightCase {
  name: string;
  row: ScopeColumns;
  caller: Puller;
  expected: 'upsert' | 'delete' | null;
}

const NORTH = 'store-north';
const SOUTH = 'store-south';
const EAST = 'store-east';
const PAT = 'user-pat';
const SAM = 'user-sam';

const agentOf = (...storeIds: string[]): Puller => ({ userId: PAT, role: 'agent', storeIds });
const manager: Puller = { userId: PAT, role: 'manager', storeIds: [] };
const admin: Puller = { userId: SAM, role: 'admin', storeIds: [NORTH] };

const row = (changes: Partial<ScopeColumns>): ScopeColumns => ({
  deleted: false,
  store_id: null,
  owner_user_id: null,
  former_store_ids: [],
  ...changes,
});

export const SIGHT_CASES: SightCase[] = [
  {
    name: 'their store',
    row: row({ store_id: NORTH }),
    caller: agentOf(NORTH),
    expected: 'upsert',
  },
  {
    name: 'one of their two stores',
    row: row({ store_id: SOUTH }),
    caller: agentOf(NORTH, SOUTH),
    expected: 'upsert',
  },
  { name: 'another store', row: row({ store_id: SOUTH }), caller: agentOf(NORTH), expected: null },
  {
    name: 'an agent of no store',
    row: row({ store_id: NORTH }),
    caller: agentOf(),
    expected: null,
  },
  { name: 'no store: everyone', row: row({}), caller: agentOf(), expected: 'upsert' },
  {
    name: 'a manager, any store',
    row: row({ store_id: SOUTH }),
    caller: manager,
    expected: 'upsert',
  },
  { name: 'an admin, any store', row: row({ store_id: EAST }), caller: admin, expected: 'upsert' },
  {
    name: 'their own row',
    row: row({ owner_user_id: PAT }),
    caller: agentOf(),
    expected: 'upsert',
  },
  {
    name: "someone else's row, even for an admin",
    row: row({ owner_user_id: PAT }),
    caller: admin,
    expected: null,
  },
  {
    name: "someone else's row in their store",
    row: row({ owner_user_id: SAM, store_id: NORTH }),
    caller: agentOf(NORTH),
    expected: null,
  },
  {
    name: 'deleted in their store',
    row: row({ store_id: NORTH, deleted: true }),
    caller: agentOf(NORTH),
    expected: 'delete',
  },
  {
    name: 'deleted in another store',
    row: row({ store_id: SOUTH, deleted: true }),
    caller: agentOf(NORTH),
    expected: null,
  },
  { name: 'deleted, no store', row: row({ deleted: true }), caller: agentOf(), expected: 'delete' },
  {
    name: 'their own, deleted',
    row: row({ owner_user_id: PAT, deleted: true }),
    caller: agentOf(),
    expected: 'delete',
  },
  {
    name: "someone else's, deleted",
    row: row({ owner_user_id: SAM, deleted: true }),
    caller: agentOf(),
    expected: null,
  },
  {
    name: 'moved away from their store',
    row: row({ store_id: SOUTH, former_store_ids: [EAST, NORTH] }),
    caller: agentOf(NORTH),
    expected: 'delete',
  },
  {
    name: 'moved into their store',
    row: row({ store_id: SOUTH, former_store_ids: [NORTH] }),
    caller: agentOf(SOUTH),
    expected: 'upsert',
  },
  {
    name: 'moved between two of their stores',
    row: row({ store_id: SOUTH, former_store_ids: [NORTH] }),
    caller: agentOf(NORTH, SOUTH),
    expected: 'upsert',
  },
  {
    name: 'moved between stores not theirs',
    row: row({ store_id: SOUTH, former_store_ids: [EAST] }),
    caller: agentOf(NORTH),
    expected: null,
  },
  {
    name: 'moved, seen by a manager',
    row: row({ store_id: SOUTH, former_store_ids: [NORTH] }),
    caller: manager,
    expected: 'upsert',
  },
  {
    name: 'moved away from their store, then deleted',
    row: row({ store_id: SOUTH, former_store_ids: [NORTH], deleted: true }),
    caller: agentOf(NORTH),
    expected: 'delete',
  },
  {
    name: "moved away from their store, but someone else's",
    row: row({ store_id: SOUTH, former_store_ids: [NORTH], owner_user_id: SAM }),
    caller: agentOf(NORTH),
    expected: null,
  },
];
