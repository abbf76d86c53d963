import type { SyncChange, SyncTable } from '../../../src-shared';
import type { Replica } from '../../replica/replica';

/**
 * The changes that put back what `changes` are about to replace: for each row they touch, its
 * current version, or its deletion when it does not exist yet. Read before applying them.
 */
export function undoFor(replica: Replica, changes: readonly SyncChange[]): SyncChange[] {
  const seen = new Set<string>();
  const undo: SyncChange[] = [];
  for (const change of changes) {
    const id = change.op === 'upsert' ? change.row.id : change.id;
    const key = `${change.table}:${id}`;
    if (seen.has(key)) continue; // the first change of a row saw it as it was before all of them
    seen.add(key);
    undo.push(beforeImage(replica, change.table, id));
  }
  return undo.reverse();
}

function beforeImage(replica: Replica, table: SyncTable, id: string): SyncChange {
  const row = replica.syncedRow(table, id);
  return (row ? { table, op: 'upsert', row } : { table, op: 'delete', id }) as SyncChange;
}
