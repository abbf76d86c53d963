import type { SyncChange, SyncRow, SyncTable } from '../../src-shared/sync/changes';
import type { Tx } from '../db/db';
import { putRows, putTenant } from './bulk';

const CHUNK = 2000;

/**
 * Loads upserts in SyncChange form (the demo generator's output, test fixtures) into a tenant,
 * a statement per run of one table, in the order given: parents before children.
 */
export async function loadChanges(
  tx: Tx,
  tenantId: string,
  changes: readonly SyncChange[],
): Promise<void> {
  let start = 0;
  while (start < changes.length) {
    const table = changes[start]?.table as SyncTable;
    let end = start;
    while (end < changes.length && changes[end]?.table === table && end - start < CHUNK) end++;
    const rows = changes.slice(start, end).map((change) => {
      if (change.op !== 'upsert')
        throw new Error(`loadChanges takes upserts only, got a ${change.op} of ${table}`);
      return change.row;
    });
    if (table === 'tenants') {
      for (const tenant of rows as SyncRow<'tenants'>[]) await putTenant(tx, tenant);
    } else {
      await putRows(tx, tenantId, table, rows as SyncRow<typeof table>[]);
    }
    start = end;
  }
}
