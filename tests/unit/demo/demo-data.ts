import { generateDemo, type DemoOptions } from '../../../src-shared/demo';
import type { SyncChange, SyncRow, SyncTable } from '../../../src-shared/sync/changes';

/** A fixed "now" (Sunday 15 June 2025, noon in Denver) so every run sees the same demo. */
export const NOW = Date.UTC(2025, 5, 15, 18, 0, 0);

export type DemoTables = { [T in SyncTable]: SyncRow<T>[] };

export interface Demo {
  batches: SyncChange[][];
  tables: DemoTables;
}

export function collectDemo(options: Partial<DemoOptions> = {}): Demo {
  const batches = [...generateDemo({ seed: 7, leads: 2000, now: NOW, ...options })];
  const tables = {} as Record<SyncTable, unknown[]>;
  for (const change of batches.flat()) {
    if (change.op !== 'upsert') throw new Error(`the demo only upserts, got ${change.op}`);
    (tables[change.table] ??= []).push(change.row);
  }
  return { batches, tables: tables as DemoTables };
}

/** Rows grouped by their lead id. */
export function byLead<R extends { leadId: string }>(rows: readonly R[]): Map<string, R[]> {
  const groups = new Map<string, R[]>();
  for (const row of rows) {
    const group = groups.get(row.leadId);
    if (group) group.push(row);
    else groups.set(row.leadId, [row]);
  }
  return groups;
}
