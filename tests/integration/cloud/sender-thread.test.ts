import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Lead } from '../../../src-shared/domain/lead';
import type { Db } from '../../../src-cloud/db/db';
import type { Sender } from '../../../src-cloud/inbound/lead-of-sender';
import { senderThread } from '../../../src-cloud/inbound/sender-thread';
import { writeInTenant } from '../../../src-cloud/sync/tenant-write';
import { onEachDatabase, type MigratedDb } from './harness/each-database';
import {
  insertLead,
  makeConversation,
  makeMessage,
  seedTenant,
  type SeededTenant,
} from './harness/seed';

/**
 * senderThread is spelled for what the sender gave (phone, email, both, neither; with or
 * without a provider id): every spelling keeps the rules of the single questions.
 */
onEachDatabase('senderThread', (open: () => Promise<MigratedDb>) => {
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

  const sender = (given: Partial<Sender>): Sender => ({
    phone: null,
    email: null,
    firstName: null,
    lastName: null,
    ...given,
  });
  const ask = (who: Sender, providerId: string | null = null, store = acme.stores[0]) =>
    db.transaction((tx) =>
      senderThread(tx, {
        tenantId: store.tenantId,
        storeId: store.id,
        sender: who,
        channel: 'sms',
        providerId,
      }),
    );
  const mobile = (number: string) => [{ number, type: 'mobile' as const }];

  test('by phone first; by email when the phone is nobody; the email case-insensitively', async () => {
    const byPhone = await insertLead(db, acme.tenantId, acme.stores[0].id, {
      phones: mobile('+13035550601'),
      email: null,
    });
    const byEmail = await insertLead(db, acme.tenantId, acme.stores[0].id, {
      phones: [],
      email: 'Casey.Lane@example.com',
    });
    const both = { phone: '+13035550601', email: 'casey.lane@EXAMPLE.com' };
    expect((await ask(sender(both))).lead?.id).toBe(byPhone.id);
    const unknownPhone = { phone: '+13035550699', email: 'casey.lane@example.com' };
    expect((await ask(sender(unknownPhone))).lead?.id).toBe(byEmail.id);
    expect((await ask(sender({ email: 'CASEY.LANE@example.com' }))).lead?.id).toBe(byEmail.id);
    expect((await ask(sender({ phone: '+13035550601' }))).lead?.id).toBe(byPhone.id);
    expect((await ask(sender({}))).lead).toBeNull();
  });

  test("only this store's living leads; the most recently changed of several", async () => {
    const phone = '+13035550602';
    await insertLead(db, acme.tenantId, acme.stores[1].id, { phones: mobile(phone) });
    await insertLead(db, zenith.tenantId, zenith.stores[0].id, { phones: mobile(phone) });
    expect((await ask(sender({ phone }))).lead).toBeNull();

    const older = await insertLead(db, acme.tenantId, acme.stores[0].id, {
      phones: [{ number: '+13035550000', type: 'home' }, ...mobile(phone)],
    });
    expect((await ask(sender({ phone }))).lead?.id).toBe(older.id);
    const newer = await insertLead(db, acme.tenantId, acme.stores[0].id, {
      phones: mobile(phone),
    });
    expect((await ask(sender({ phone }))).lead?.id).toBe(newer.id);
    await db.query('UPDATE leads SET deleted = true WHERE tenant_id = $1 AND id = $2', [
      acme.tenantId,
      newer.id,
    ]);
    expect((await ask(sender({ phone }))).lead?.id).toBe(older.id);
    // The sister store asks for its own lead of that number.
    const sister = await ask(sender({ phone }), null, acme.stores[1]);
    expect(sister.lead?.storeId).toBe(acme.stores[1].id);
  });

  test('a provider id seen before is known, in this dealer group only; none is never known', async () => {
    const lead = await insertLead(db, acme.tenantId, acme.stores[0].id, {
      phones: mobile('+13035550603'),
    });
    const { conversation, steps } = await thread(lead);
    const who = sender({ phone: '+13035550603' });
    const providerId = `SM${'ab'.repeat(16)}`;
    expect((await ask(who, providerId)).known).toBe(false);
    await writeInTenant(db, acme.tenantId, (_tx, write) =>
      write.insert('messages', makeMessage(conversation, { providerId })),
    );
    const answer = await ask(who, providerId);
    expect(answer.known).toBe(true);
    expect(answer.conversation?.id).toBe(conversation.id);
    expect(answer.scheduledSteps.map((step) => step.id)).toEqual(steps.map((step) => step.id));
    expect((await ask(who, null)).known).toBe(false);
    const elsewhere = await ask(sender({ phone: '+13035550603' }), providerId, zenith.stores[0]);
    expect(elsewhere.known).toBe(false);
  });

  /** The lead's text conversation and two scheduled funnel steps in it. */
  async function thread(lead: Lead) {
    const conversation = makeConversation(lead);
    const steps = [0, 1].map(() =>
      makeMessage(conversation, {
        direction: 'out',
        status: 'scheduled',
        scheduledAt: Date.now() + 3_600_000,
        funnelId: uuidv7(),
      }),
    );
    await writeInTenant(db, lead.tenantId, async (_tx, write) => {
      await write.insert('conversations', conversation);
      for (const step of steps) await write.insert('messages', step);
    });
    return { conversation, steps: steps.sort((a, b) => a.id.localeCompare(b.id)) };
  }
});
