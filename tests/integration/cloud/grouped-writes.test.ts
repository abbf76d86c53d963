import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Db } from '../../../src-cloud/db/db';
import { GroupedWrites } from '../../../src-cloud/sync/grouped-writes';
import { onEachDatabase, type MigratedDb } from './harness/each-database';
import { makeLead, seedTenant, type SeededTenant } from './harness/seed';

/**
 * GroupedWrites: a tenant's writes that arrive while one of its transactions runs go together
 * into the next; each is answered after its group commits; one that fails fails alone.
 */

/** The database, counting the transactions begun through it. */
function counted(db: Db): { db: Db; transactions: () => number } {
  let transactions = 0;
  return {
    db: {
      ...db,
      transaction(work, ends) {
        transactions += 1;
        return db.transaction(work, ends);
      },
    },
    transactions: () => transactions,
  };
}

const leadIds = async (db: Db, ids: string[]) =>
  (
    await db.query<{ id: string }>('SELECT id FROM leads WHERE id = ANY($1::text[]) ORDER BY id', [
      ids,
    ])
  ).map((row) => row.id);

onEachDatabase('GroupedWrites', (open: () => Promise<MigratedDb>, kind) => {
  /** Whether two transactions can be open at once (PGlite has one connection). */
  const concurrent = kind === 'postgres';
  let db: Db;
  let close: () => Promise<void>;
  let acme: SeededTenant;
  let zenith: SeededTenant;

  beforeAll(async () => {
    ({ db, close } = await open());
    acme = await seedTenant(db, 'Acme');
    zenith = await seedTenant(db, 'Zenith');
  });
  afterAll(() => close?.());

  test('writes that arrive together share a transaction, and each gets its own answer', async () => {
    const counting = counted(db);
    const grouped = new GroupedWrites(counting.db);
    const leads = Array.from({ length: 20 }, () => makeLead(acme.tenantId, acme.stores[0].id));
    const answers = await Promise.all(
      leads.map((lead) =>
        grouped.write(acme.tenantId, async (_tx, write) => {
          await write.insert('leads', lead);
          return lead.id;
        }),
      ),
    );
    expect(answers).toEqual(leads.map((lead) => lead.id));
    // The first runs at once, alone; the 19 that came while it ran go in one transaction.
    expect(counting.transactions()).toBe(2);
    expect(await leadIds(db, answers)).toEqual([...answers].sort());
  });

  test('a group is at most its size: the rest wait for the next', async () => {
    const counting = counted(db);
    const grouped = new GroupedWrites(counting.db, 5);
    const leads = Array.from({ length: 12 }, () => makeLead(acme.tenantId, acme.stores[0].id));
    await Promise.all(
      leads.map((lead) =>
        grouped.write(acme.tenantId, (_tx, write) => write.insert('leads', lead)),
      ),
    );
    expect(counting.transactions()).toBe(1 + 3); // 1, then 5, 5, 1
    expect(
      await leadIds(
        db,
        leads.map((lead) => lead.id),
      ),
    ).toHaveLength(12);
  });

  test('one that fails fails alone: the others of its group are written once', async () => {
    const counting = counted(db);
    const grouped = new GroupedWrites(counting.db);
    const [first, good, bad, last] = Array.from({ length: 4 }, () =>
      makeLead(acme.tenantId, acme.stores[0].id),
    ) as [ReturnType<typeof makeLead>, ...ReturnType<typeof makeLead>[]];
    const runs = new Map<string, number>();
    const writing = (lead: typeof first, fails = false) =>
      grouped.write(acme.tenantId, async (_tx, write) => {
        runs.set(lead.id, (runs.get(lead.id) ?? 0) + 1);
        await write.insert('leads', lead);
        if (fails) throw new Error(`lead ${lead.id} is not wanted`);
        return lead.id;
      });
    const settled = await Promise.allSettled([
      writing(first),
      writing(good!),
      writing(bad!, true),
      writing(last!),
    ]);
    expect(settled.map((result) => result.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect((settled[2] as PromiseRejectedResult).reason).toEqual(
      new Error(`lead ${bad!.id} is not wanted`),
    );
    const written = [first.id, good!.id, last!.id];
    expect(await leadIds(db, [...written, bad!.id])).toEqual([...written].sort());
    // The group of three rolled back, then each of them ran alone.
    expect(counting.transactions()).toBe(1 + 1 + 3);
    expect(runs.get(good!.id)).toBe(2);
    expect(runs.get(bad!.id)).toBe(2);
  });

  test('an answer comes after its commit: the row is there for anyone who asks then', async () => {
    const grouped = new GroupedWrites(db);
    const leads = Array.from({ length: 5 }, () => makeLead(acme.tenantId, acme.stores[0].id));
    const seen = await Promise.all(
      leads.map(async (lead) => {
        await grouped.write(acme.tenantId, (_tx, write) => write.insert('leads', lead));
        return (await leadIds(db, [lead.id])).length;
      }),
    );
    expect(seen).toEqual([1, 1, 1, 1, 1]);
  });

  test.skipIf(!concurrent)("another dealer group's writes do not wait for this one's", async () => {
    const grouped = new GroupedWrites(db);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const slow = grouped.write(acme.tenantId, async () => {
      await released;
      return 'acme';
    });
    const lead = makeLead(zenith.tenantId, zenith.stores[0].id);
    const quick = await grouped.write(zenith.tenantId, async (_tx, write) => {
      await write.insert('leads', lead);
      return 'zenith';
    });
    expect(quick).toBe('zenith');
    release();
    expect(await slow).toBe('acme');
  });
});
