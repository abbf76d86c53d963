import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NO_FILTERS, type QueueQuery } from '../../../src-shared';
import type { Replica } from '../../../src-main/replica/replica';
import { mustOpen, tempDir } from './temp';
import { KNOWN, makeWorld, type World } from './world';

let temp: ReturnType<typeof tempDir>;
let replica: Replica;
let world: World;

beforeEach(() => {
  temp = tempDir();
  replica = mustOpen(temp.file());
  world = makeWorld(3, 120);
  for (const batch of world.batches) replica.applyChanges(batch);
});
afterEach(() => {
  replica.close();
  temp.cleanup();
});

const page = (over: Partial<QueueQuery> = {}) =>
  replica.queuePage({
    folder: 'inbox',
    filters: NO_FILTERS,
    search: '',
    sort: 'newest',
    after: null,
    limit: 200,
    ...over,
  });

/** Every row of every table, to compare whole files. */
function dump(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'lead_search%' AND name != 'sqlite_sequence'",
      )
      .pluck()
      .all() as string[];
    return Object.fromEntries(
      tables.map((t) => [
        t,
        db.prepare(`SELECT * FROM "${t}" ORDER BY ${t === 'search_stale' ? '1' : '1, 2'}`).all(),
      ]),
    );
  } finally {
    db.close();
  }
}

describe('applying pulled changes', () => {
  it('applying the same batches again changes nothing', () => {
    const before = dump(temp.file());
    const counts = replica.folderCounts(NO_FILTERS);
    for (const batch of world.batches) replica.applyChanges(batch);
    expect(dump(temp.file())).toEqual(before);
    expect(replica.folderCounts(NO_FILTERS)).toEqual(counts);
    expect(page({ search: KNOWN.word }).rows.map((r) => r.id)).toEqual([KNOWN.leadId]);
    replica.optimize();
    expect(page({ search: KNOWN.word }).rows.map((r) => r.id)).toEqual([KNOWN.leadId]);
  });

  it('reports the tables a batch touched', () => {
    expect(replica.applyChanges([{ table: 'labels', op: 'delete', id: 'label-vip' }])).toEqual([
      'labels',
    ]);
    expect(replica.applyChanges([])).toEqual([]);
  });

  it("a lead's tombstone removes the lead and everything hanging off it", () => {
    const inbox = replica.folderCounts(NO_FILTERS).inbox;
    replica.applyChanges([{ table: 'leads', op: 'delete', id: KNOWN.leadId }]);
    expect(replica.lead(KNOWN.leadId)).toBeNull();
    expect(replica.thread(KNOWN.leadId, null, 50).items).toEqual([]);
    expect(replica.folderCounts(NO_FILTERS).inbox).toBe(inbox - 1);
    expect(page({ search: KNOWN.word }).rows).toEqual([]);
    expect(page({ search: '(970) 123-4567' }).rows).toEqual([]);
    // Deleting it again is as harmless as deleting something never seen.
    replica.applyChanges([
      { table: 'leads', op: 'delete', id: KNOWN.leadId },
      { table: 'messages', op: 'delete', id: 'never' },
    ]);
  });

  it('a message tombstone takes the message out of the thread and the search', () => {
    const message = world.messagesByLead.get(KNOWN.leadId)![0]!;
    replica.applyChanges([{ table: 'messages', op: 'delete', id: message.id }]);
    expect(page({ search: KNOWN.word }).rows).toEqual([]);
    const ids = replica
      .thread(KNOWN.leadId, null, 50)
      .items.map((i) => (i.kind === 'message' ? i.message.id : i.event.id));
    expect(ids).not.toContain(message.id);
  });

  it('appointments and scheduled messages move a lead in and out of their folders', () => {
    const lead = world.leads.find(
      (l) =>
        world.facts.get(l.id)!.bookedAppointments === 0 &&
        world.facts.get(l.id)!.scheduledMessages === 0,
    )!;
    const before = replica.folderCounts(NO_FILTERS);
    const appointment = {
      id: 'appt-new',
      tenantId: 'tenant-1',
      leadId: lead.id,
      storeId: lead.storeId,
      startsAt: 1,
      status: 'booked' as const,
      createdByUserId: null,
      createdAt: 1,
      vehicle: null,
      note: null,
    };
    replica.applyChanges([{ table: 'appointments', op: 'upsert', row: appointment }]);
    expect(replica.folderCounts(NO_FILTERS).appointments).toBe(before.appointments + 1);
    replica.applyChanges([
      { table: 'appointments', op: 'upsert', row: { ...appointment, status: 'showed' } },
    ]);
    const showed = replica.folderCounts(NO_FILTERS);
    expect(showed.appointments).toBe(before.appointments);
    expect(showed.appointments_showed).toBe(
      before.appointments_showed + (world.facts.get(lead.id)!.showedAppointments ? 0 : 1),
    );

    const scheduled = {
      ...world.messagesByLead.get(KNOWN.leadId)![0]!,
      id: 'msg-later',
      leadId: lead.id,
      status: 'scheduled' as const,
    };
    replica.applyChanges([{ table: 'messages', op: 'upsert', row: scheduled }]);
    expect(replica.folderCounts(NO_FILTERS).scheduled).toBe(before.scheduled + 1);
    expect(page({ folder: 'scheduled' }).rows.map((r) => r.id)).toContain(lead.id);
    replica.applyChanges([
      { table: 'messages', op: 'upsert', row: { ...scheduled, status: 'sent' } },
    ]);
    expect(replica.folderCounts(NO_FILTERS).scheduled).toBe(before.scheduled);
  });

  it('a lead update moves it between folders, filters and labels', () => {
    const lead = {
      ...world.leads.find((l) => l.id === KNOWN.leadId)!,
      status: 'sold' as const,
      labelIds: ['label-new'],
      assignedUserId: 'user-9',
    };
    replica.applyChanges([{ table: 'leads', op: 'upsert', row: lead }]);
    expect(
      page({ folder: 'sold', filters: { ...NO_FILTERS, labelIds: ['label-new'] } }).rows.map(
        (r) => r.id,
      ),
    ).toEqual([KNOWN.leadId]);
    expect(replica.folderCounts({ ...NO_FILTERS, assigneeIds: ['user-9'] }).sold).toBe(1);
    expect(replica.lead(KNOWN.leadId)!.lead).toEqual(lead);
  });

  it('refuses a change for a table it does not know, and applies none of the batch', () => {
    const bad = { table: 'robots', op: 'delete', id: 'x' } as never;
    const inbox = replica.folderCounts(NO_FILTERS).inbox;
    expect(() =>
      replica.applyChanges([{ table: 'leads', op: 'delete', id: KNOWN.leadId }, bad]),
    ).toThrow(/unknown sync table: robots/);
    expect(replica.folderCounts(NO_FILTERS).inbox).toBe(inbox);
  });
});

describe('reading a lead and the directory', () => {
  it('returns a lead with its conversations and appointments', () => {
    const detail = replica.lead(KNOWN.leadId)!;
    expect(detail.lead.id).toBe(KNOWN.leadId);
    expect(detail.conversations.map((c) => c.leadId)).toEqual([KNOWN.leadId]);
    expect(replica.lead('nobody')).toBeNull();
  });

  it('names everything for the signed-in user, and is null before sign-in', () => {
    expect(replica.directory()).toBeNull();
    replica.setMeta('userId', 'user-2');
    const directory = replica.directory()!;
    expect(directory.me.id).toBe('user-2');
    expect(directory.tenant.id).toBe('tenant-1');
    expect(directory.stores.map((s) => s.id)).toEqual(['store-a', 'store-b', 'store-c']);
    expect(directory.labels).toHaveLength(4);
    expect(directory.sources).toContain('Text');
    replica.setMeta('userId', 'user-gone');
    expect(replica.directory()).toBeNull();
  });
});

describe('queue cursors', () => {
  it('rejects a malformed cursor or one made for the other sort, naming it', () => {
    expect(() => page({ after: 'garbage!' })).toThrow(/invalid queue cursor "garbage!"/);
    const next = page({ limit: 2 }).next!;
    expect(() => page({ after: next, sort: 'longest_waiting' })).toThrow(/made for sort "newest"/);
  });
});

describe('saved filters and the outbox', () => {
  it('saving filters stores them and queues the mutation in order', () => {
    replica.setMeta('userId', 'user-1');
    expect(replica.savedFilters()).toEqual(NO_FILTERS);
    const first = { ...NO_FILTERS, storeIds: ['store-a'] };
    const second = { ...NO_FILTERS, labelIds: ['label-vip'] };
    replica.saveFilters(first);
    replica.saveFilters(second);
    expect(replica.savedFilters()).toEqual(second);
    const pending = replica.pendingMutations();
    expect(pending.map((m) => [m.name, m.args])).toEqual([
      ['saveFilters', { filters: first }],
      ['saveFilters', { filters: second }],
    ]);
    expect(pending[0]!.id < pending[1]!.id).toBe(true); // UUIDv7 sorts by time
    replica.recordMutationAttempt(pending[0]!.id, 'offline');
    expect(replica.pendingMutations()[0]).toMatchObject({ attempts: 1, lastError: 'offline' });
    replica.completeMutation(pending[0]!.id);
    expect(replica.pendingMutations().map((m) => m.id)).toEqual([pending[1]!.id]);
  });

  it('refuses filters that are not filters', () => {
    expect(() =>
      replica.saveFilters({ ...NO_FILTERS, sources: ['Carrier pigeon'] } as never),
    ).toThrow(/invalid filters/);
    expect(replica.pendingMutations()).toEqual([]);
  });
});
