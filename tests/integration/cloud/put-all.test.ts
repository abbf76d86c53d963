import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Lead } from '../../../src-shared/domain/lead';
import type { Db } from '../../../src-cloud/db/db';
import { writeInTenant } from '../../../src-cloud/sync/tenant-write';
import type { Put } from '../../../src-cloud/sync/writer';
import { onEachDatabase, type MigratedDb } from './harness/each-database';
import {
  insertLead,
  makeConversation,
  makeLead,
  makeMessage,
  seedTenant,
  type SeededTenant,
} from './harness/seed';

/**
 * SyncWriter.putAll: several rows in one statement, each with its own version in order, thread
 * rows in their lead's store even when that lead is written by the same statement.
 */
interface Bookkeeping {
  version: number;
  store_id: string | null;
  former_store_ids: string[];
}

onEachDatabase('putAll', (open: () => Promise<MigratedDb>) => {
  let db: Db;
  let close: () => Promise<void>;
  let acme: SeededTenant;

  beforeAll(async () => {
    ({ db, close } = await open());
    acme = await seedTenant(db, 'Acme');
  });
  afterAll(() => close?.());

  const bookkeeping = async (table: string, id: string) =>
    (
      await db.query<Bookkeeping>(
        `SELECT version, store_id, former_store_ids FROM ${table} WHERE tenant_id = $1 AND id = $2`,
        [acme.tenantId, id],
      )
    )[0];
  const clock = async () =>
    (
      await db.query<{ clock: number }>('SELECT clock FROM tenants WHERE id = $1', [acme.tenantId])
    )[0]!.clock;

  test("a new lead, its conversation and message: one statement, versions in order, the lead's store", async () => {
    const lead = makeLead(acme.tenantId, acme.stores[1].id);
    const conversation = makeConversation(lead);
    const message = makeMessage(conversation);
    const before = await clock();
    // Counted inside the transaction: putAll is one statement, whatever it writes.
    let statements = 0;
    const counting: Db = {
      ...db,
      transaction: (work, ends) =>
        db.transaction(
          (tx) =>
            work({
              ...tx,
              query: (sql, params) => {
                statements += 1;
                return tx.query(sql, params);
              },
            }),
          ends,
        ),
    };
    await writeInTenant(counting, acme.tenantId, (_tx, write) =>
      write.putAll([
        { op: 'insert', table: 'leads', row: lead },
        { op: 'insert', table: 'conversations', row: conversation },
        { op: 'insert', table: 'messages', row: message },
      ]),
    );
    expect(statements).toBe(1);
    expect(await clock()).toBe(before + 3);
    const rows = [
      await bookkeeping('leads', lead.id),
      await bookkeeping('conversations', conversation.id),
      await bookkeeping('messages', message.id),
    ];
    expect(rows.map((row) => row?.version)).toEqual([before + 1, before + 2, before + 3]);
    expect(rows.map((row) => row?.store_id)).toEqual(Array(3).fill(acme.stores[1].id));
  });

  test("a thread row of a lead not in the batch takes that lead's store as stored", async () => {
    const lead = await insertLead(db, acme.tenantId, acme.stores[0].id);
    const conversation = makeConversation(lead);
    await writeInTenant(db, acme.tenantId, (_tx, write) =>
      write.putAll([{ op: 'insert', table: 'conversations', row: conversation }]),
    );
    expect((await bookkeeping('conversations', conversation.id))?.store_id).toBe(acme.stores[0].id);
  });

  test('a lead moved to another store takes its thread along, and its old store remembers it', async () => {
    const lead = await insertLead(db, acme.tenantId, acme.stores[0].id);
    const conversation = makeConversation(lead);
    await writeInTenant(db, acme.tenantId, (_tx, write) =>
      write.putAll([{ op: 'insert', table: 'conversations', row: conversation }]),
    );
    const moved: Lead = { ...lead, storeId: acme.stores[1].id };
    const message = makeMessage(conversation);
    await writeInTenant(db, acme.tenantId, (_tx, write) =>
      write.putAll([
        { op: 'update', table: 'leads', row: moved },
        { op: 'insert', table: 'messages', row: message },
      ]),
    );
    expect(await bookkeeping('leads', lead.id)).toMatchObject({
      store_id: acme.stores[1].id,
      former_store_ids: [acme.stores[0].id],
    });
    expect((await bookkeeping('messages', message.id))?.store_id).toBe(acme.stores[1].id);
    expect(await bookkeeping('conversations', conversation.id)).toMatchObject({
      store_id: acme.stores[1].id,
      former_store_ids: [acme.stores[0].id],
    });
  });

  test('an id that exists, a row that does not, a row twice: an error, and nothing written', async () => {
    const lead = await insertLead(db, acme.tenantId, acme.stores[0].id);
    const fresh = makeLead(acme.tenantId, acme.stores[0].id);
    const ghost = makeLead(acme.tenantId, acme.stores[0].id);
    const before = await clock();
    const attempt = (puts: Put[]) =>
      writeInTenant(db, acme.tenantId, (_tx, write) => write.putAll(puts));
    await expect(
      attempt([
        { op: 'insert', table: 'leads', row: fresh },
        { op: 'insert', table: 'leads', row: lead },
      ]),
    ).rejects.toThrow(`leads ${lead.id} already exists`);
    await expect(attempt([{ op: 'update', table: 'leads', row: ghost }])).rejects.toThrow(
      `leads ${ghost.id} does not exist in this tenant`,
    );
    await expect(
      attempt([
        { op: 'update', table: 'leads', row: lead },
        { op: 'update', table: 'leads', row: { ...lead, firstName: 'Again' } },
      ]),
    ).rejects.toThrow('putAll writes each row at most once');
    expect(await bookkeeping('leads', fresh.id)).toBeUndefined();
    expect(await clock()).toBe(before);
  });
});
