import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Db } from '../../../src-cloud/db/db';
import { BUS_CHANNEL, parseBusEvent, type BusEvent } from '../../../src-cloud/live/bus';
import { writeInTenant } from '../../../src-cloud/sync/tenant-write';
import { onEachDatabase, type MigratedDb } from './harness/each-database';
import { makeLead, seedTenant, type SeededTenant } from './harness/seed';

/**
 * writeInTenant sends the tenant lock with BEGIN and the poke with COMMIT (TransactionEnds):
 * the lock is held from the start, the poke carries the committed clock, and nothing is poked
 * for a transaction that wrote nothing or rolled back.
 */
function heard(db: Db) {
  const events: BusEvent[] = [];
  const stop = db.listen(BUS_CHANNEL, (payload) => {
    const event = parseBusEvent(payload);
    if (event) events.push(event);
  });
  return { events, stop: async () => (await stop)() };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

onEachDatabase('writeInTenant', (open: () => Promise<MigratedDb>) => {
  let db: Db;
  let other: Db | null;
  let close: () => Promise<void>;
  let acme: SeededTenant;

  beforeAll(async () => {
    ({ db, other, close } = await open());
    acme = await seedTenant(db, 'Acme');
  });
  afterAll(() => close?.());

  test('a write pokes once, on commit, with the clock it committed', async () => {
    const bus = heard(db);
    await settle();
    const lead = makeLead(acme.tenantId, acme.stores[0].id);
    await writeInTenant(db, acme.tenantId, async (_tx, write) => {
      await write.insert('leads', lead);
      await write.update('leads', { ...lead, firstName: 'Twice' });
    });
    await settle();
    await bus.stop();
    const [tenant] = await db.query<{ clock: number }>('SELECT clock FROM tenants WHERE id = $1', [
      acme.tenantId,
    ]);
    expect(bus.events).toEqual([{ type: 'poke', tenantId: acme.tenantId, version: tenant?.clock }]);
  });

  test('nothing written, or rolled back: no poke, nothing stored', async () => {
    const bus = heard(db);
    await settle();
    await writeInTenant(db, acme.tenantId, async (tx) => {
      await tx.query('SELECT 1');
    });
    const lead = makeLead(acme.tenantId, acme.stores[0].id);
    await expect(
      writeInTenant(db, acme.tenantId, async (_tx, write) => {
        await write.insert('leads', lead);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    await settle();
    await bus.stop();
    expect(bus.events).toEqual([]);
    expect(await db.query('SELECT 1 FROM leads WHERE id = $1', [lead.id])).toEqual([]);
  });

  test("the tenant's lock is held from the transaction's first statement", async () => {
    if (!other) return; // one connection (PGlite): transactions cannot overlap anyway
    const probe = other;
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const writing = writeInTenant(db, acme.tenantId, async () => {
      entered();
      await released;
    });
    await inside;
    await expect(
      probe.transaction((tx) =>
        tx.query('SELECT clock FROM tenants WHERE id = $1 FOR UPDATE NOWAIT', [acme.tenantId]),
      ),
    ).rejects.toThrow(/lock/);
    release();
    await writing;
    await probe.transaction((tx) =>
      tx.query('SELECT clock FROM tenants WHERE id = $1 FOR UPDATE NOWAIT', [acme.tenantId]),
    );
  });
});
