import { describe, expect, it } from 'vitest';
import { SyncChangeSchema, type SyncChange } from '../../../src-shared/sync/changes';
import { collectDemo } from './demo-data';

const demo = collectDemo({ leads: 300, batchSize: 100 });

/** The row ids each change points at, by the table they must already be in. */
function references(change: SyncChange): [string, string | null][] {
  if (change.op !== 'upsert') return [];
  const refs: [string, string | null][] = [];
  const row = change.row as unknown as Record<string, unknown>;
  const ref = (table: string, key: string) => refs.push([table, (row[key] as string) ?? null]);
  if (change.table !== 'tenants') ref('tenants', 'tenantId');
  if ('storeId' in row) ref('stores', 'storeId');
  if ('campaignId' in row) ref('campaigns', 'campaignId');
  if ('leadId' in row) ref('leads', 'leadId');
  if ('conversationId' in row) ref('conversations', 'conversationId');
  if ('assignedUserId' in row) ref('users', 'assignedUserId');
  if ('authorUserId' in row) ref('users', 'authorUserId');
  if ('actorUserId' in row) ref('users', 'actorUserId');
  if (change.table === 'leads') for (const id of change.row.labelIds) refs.push(['labels', id]);
  if (change.table === 'campaigns') ref('stores', 'storeId');
  return refs;
}

describe('demo rows', () => {
  it('every row passes the sync schemas that a pull is checked with', () => {
    const changes = demo.batches.flat();
    expect(changes.length).toBeGreaterThan(5000);
    for (const change of changes) {
      const parsed = SyncChangeSchema.safeParse(change);
      expect(parsed.success, `${change.table}: ${parsed.error?.message}`).toBe(true);
    }
  });

  it('comes parents first, so each batch can be applied in one go with foreign keys on', () => {
    const seen = new Map<string, Set<string>>();
    for (const change of demo.batches.flat()) {
      for (const [table, id] of references(change)) {
        if (id === null) continue;
        expect(seen.get(table)?.has(id), `${change.table} -> ${table} ${id}`).toBe(true);
      }
      if (change.op === 'upsert') {
        if (!seen.has(change.table)) seen.set(change.table, new Set());
        seen.get(change.table)?.add(change.row.id);
      }
    }
  });

  it('gives every row a unique, UUID-shaped id', () => {
    const ids = demo.batches.flat().map((c) => (c.op === 'upsert' ? c.row.id : c.id));
    expect(new Set(ids).size).toBe(ids.length);
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(ids.filter((id) => !uuid.test(id))).toEqual([]);
  });

  it('yields the tenant, stores, campaigns, users and lists before batches of leads', () => {
    const tablesOf = (batch: SyncChange[]) => [...new Set(batch.map((c) => c.table))];
    expect(demo.batches.slice(0, 5).map(tablesOf)).toEqual([
      ['tenants'],
      ['stores'],
      ['campaigns'],
      ['users'],
      ['labels', 'saved_replies', 'funnels'],
    ]);
    const leadBatches = demo.batches.slice(5);
    expect(leadBatches).toHaveLength(3);
    for (const batch of leadBatches) {
      expect(batch.filter((c) => c.table === 'leads')).toHaveLength(100);
      expect(tablesOf(batch)).toEqual([
        'leads',
        'conversations',
        'messages',
        'timeline_events',
        'appointments',
      ]);
    }
  });
});
