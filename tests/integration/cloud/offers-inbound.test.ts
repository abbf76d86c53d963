import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Store } from '../../../src-shared/domain/tenant';
import { storeContacts } from '../../../src-shared/domain/store-contacts';
import { RecordingTexter } from '../../../src-cloud/texting/recording-texter';
import { Api } from './harness/api';
import { rowOf, snapshot } from './harness/rows';
import { insertLead, seedTenant, type SeededTenant, type SeededUser } from './harness/seed';
import { TestSmtp } from './harness/smtp';
import { BACKENDS, startTestCloud, type TestCloud } from './harness/test-cloud';
import {
  addAgents,
  clockOf,
  isOffer,
  offerRow,
  openDesk,
  setPresence,
  updateStore,
  wasOffered,
  type Desk,
} from './offers-fixture';

describe.each(BACKENDS)(
  'inbound messages and the offers they make, on $backend',
  ({ backend, skip }) => {
    let cloud: TestCloud;
    let smtp: TestSmtp;
    const texter = new RecordingTexter();
    let acme: SeededTenant;
    let bravo: SeededTenant;
    let north: Store;
    let manager: Api;
    /** North's agents: Ana and Ben online, Cal away. Sam works South, online. */
    let ana: Desk, ben: Desk, cal: Desk, sam: Desk;

    const inbound = (body: unknown) => manager.post('/v1/inbound', body);
    const messagesOf = (leadId: string) =>
      cloud.db.query<{ row: { body: string; direction: string; conversationId: string } }>(
        'SELECT row FROM messages WHERE lead_id = $1 ORDER BY version',
        [leadId],
      );
    const offersOf = (leadId: string) =>
      cloud.db.query<{ id: string; status: string }>(
        'SELECT id, status FROM offers WHERE lead_id = $1 ORDER BY created_at',
        [leadId],
      );

    beforeAll(async () => {
      if (skip) return;
      smtp = await TestSmtp.start();
      cloud = await startTestCloud(backend, { smtp: smtp.settings }, { texter, offerExpiryMs: 50 });
      acme = await seedTenant(cloud.db, 'Acme');
      bravo = await seedTenant(cloud.db, 'Bravo');
      north = acme.stores[0];
      manager = await new Api(cloud.url).login(acme.manager.email, acme.manager.password);
      const northAgents = await addAgents(
        cloud.db,
        acme.tenantId,
        [north.id],
        ['Ana Torres', 'Ben Okafor', 'Cal Reyes'],
      );
      const desk = (who: SeededUser) => openDesk(cloud.url, who);
      [ana, ben, cal, sam] = (await Promise.all([
        ...northAgents.map(desk),
        desk(acme.otherAgent),
      ])) as [Desk, Desk, Desk, Desk];
      await Promise.all([
        setPresence(ana, 'online'),
        setPresence(ben, 'online'),
        setPresence(cal, 'away'),
        setPresence(sam, 'online'),
      ]);
    });
    afterAll(async () => {
      for (const d of [ana, ben, cal, sam]) d?.live.close();
      await cloud?.stop();
      await smtp?.stop();
    });

    test.skipIf(skip)(
      "a text from a new number makes a lead that rings at the store's online agents only",
      async () => {
        const answer = await inbound({
          storeId: north.id,
          channel: 'sms',
          from: { phone: '(970) 555-0142', firstName: 'Dana', lastName: 'Whitfield' },
          body: 'Is the Tacoma still available?',
        });
        expect(answer.status, JSON.stringify(answer.body)).toBe(200);
        const { leadId, conversationId, messageId, offerId } = answer.body;

        expect(await rowOf(cloud.db, 'leads', leadId)).toMatchObject({
          storeId: north.id,
          firstName: 'Dana',
          lastName: 'Whitfield',
          phones: [{ number: '+19705550142', type: 'mobile' }],
          source: 'Text',
          status: 'new',
          assignedUserId: null,
          awaitingSince: expect.any(Number),
          lastMessagePreview: 'Is the Tacoma still available?',
          lastChannel: 'sms',
        });
        expect(await rowOf(cloud.db, 'conversations', conversationId)).toMatchObject({
          leadId,
          channel: 'sms',
        });
        expect(await rowOf(cloud.db, 'messages', messageId)).toMatchObject({
          conversationId,
          direction: 'in',
          authorUserId: null,
          status: 'received',
          body: 'Is the Tacoma still available?',
        });

        const offer = await offerRow(cloud.db, offerId);
        expect(offer?.status).toBe('open');
        expect([...(offer?.agent_ids ?? [])].sort()).toEqual(
          [ana.who.user.id, ben.who.user.id].sort(),
        );
        for (const desk of [ana, ben]) {
          const frame = await desk.live.next(isOffer(offerId));
          expect(frame).toMatchObject({
            type: 'offer',
            offer: {
              leadId,
              leadName: 'Dana Whitfield',
              phone: '+19705550142',
              storeId: north.id,
              storeName: north.name,
              source: 'Text',
              firstMessage: 'Is the Tacoma still available?',
            },
          });
        }
        // The poke of the same commit comes after any ring: Cal (away) and Sam (South) got none.
        const version = await clockOf(cloud.db, acme.tenantId);
        for (const desk of [cal, sam]) {
          await desk.live.poke(version);
          expect(await wasOffered(desk.live, offerId), desk.who.user.name).toBe(false);
        }
        // Written through the sync writer: the agents' desktops pull all of it.
        const pulled = await ana.api.pullAll();
        const ids = pulled.changes.map((c) => (c.op === 'upsert' ? c.row.id : c.id));
        expect(ids).toEqual(expect.arrayContaining([leadId, conversationId, messageId]));
      },
    );

    test.skipIf(skip)('a second message in the same conversation rings nobody again', async () => {
      const from = { phone: '+1 970 555 0143' };
      const first = await inbound({ storeId: north.id, channel: 'sms', from, body: 'Hi' });
      const second = await inbound({ storeId: north.id, channel: 'sms', from, body: 'Hello?' });
      expect(second.status).toBe(200);
      expect(second.body).toMatchObject({
        leadId: first.body.leadId,
        conversationId: first.body.conversationId,
        offerId: null,
      });
      expect((await messagesOf(first.body.leadId)).map((m) => m.row.body)).toEqual([
        'Hi',
        'Hello?',
      ]);
      const lead = await rowOf(cloud.db, 'leads', first.body.leadId);
      expect(lead?.firstName).toBeNull(); // shown as "Unknown"
      expect(lead?.lastMessagePreview).toBe('Hello?');
      // Still waiting since the first unanswered message.
      const firstMessage = await rowOf(cloud.db, 'messages', first.body.messageId);
      expect(lead?.awaitingSince).toBe(firstMessage?.createdAt);
      expect(await offersOf(first.body.leadId)).toHaveLength(1);
    });

    test.skipIf(skip)(
      'an email from an assigned lead finds that lead by address and rings nobody',
      async () => {
        const lead = await insertLead(cloud.db, acme.tenantId, north.id, {
          phones: [],
          email: 'Riley.Shaw@example.com',
          assignedUserId: acme.agent.user.id,
        });
        const answer = await inbound({
          storeId: north.id,
          channel: 'email',
          from: { email: 'riley.shaw@EXAMPLE.com', firstName: 'Someone', lastName: 'Else' },
          body: 'Can I come by Saturday?',
        });
        expect(answer.status).toBe(200);
        expect(answer.body).toMatchObject({ leadId: lead.id, offerId: null });
        expect(await rowOf(cloud.db, 'conversations', answer.body.conversationId)).toMatchObject({
          channel: 'email',
        });
        // What the lead knew stays: the name it had, its source.
        expect(await rowOf(cloud.db, 'leads', lead.id)).toMatchObject({
          firstName: 'Pat',
          source: 'Text',
          assignedUserId: acme.agent.user.id,
        });
      },
    );

    test.skipIf(skip)(
      'an unassigned lead who starts a chat from a known phone rings as that lead',
      async () => {
        const lead = await insertLead(cloud.db, acme.tenantId, north.id, {
          phones: [{ number: '+13035550177', type: 'home' }],
          email: null,
        });
        const answer = await inbound({
          storeId: north.id,
          channel: 'chat',
          from: { phone: '303-555-0177', email: 'pat.new@example.com' },
          body: 'Trade-in question',
        });
        expect(answer.body).toMatchObject({ leadId: lead.id, offerId: expect.any(String) });
        await ana.live.next(isOffer(answer.body.offerId));
        // It learned the address it did not have.
        expect((await rowOf(cloud.db, 'leads', lead.id))?.email).toBe('pat.new@example.com');
      },
    );

    test.skipIf(skip)(
      'with nobody online the lead is missed at once: the store is texted and emailed',
      async () => {
        const south = await updateStore(cloud.db, acme.stores[1], {
          textingNumber: '+13035550101',
          contacts: storeContacts({
            smsNotificationNumber: '+13035550190',
            salesLeadEmails: ['sales@south.test', 'bdc@south.test'],
          }),
        });
        await setPresence(sam, 'away');
        const answer = await inbound({
          storeId: south.id,
          channel: 'email',
          from: { email: 'jordan.reed@example.com', firstName: 'Jordan', lastName: 'Reed' },
          body: 'Do you have the Civic in blue?',
        });
        expect(answer.status).toBe(200);
        expect(answer.body.offerId).toBeNull();
        expect((await offersOf(answer.body.leadId)).map((o) => o.status)).toEqual(['missed']);

        const text = await texter.textTo('+13035550190');
        expect(text.from).toBe('+13035550101');
        expect(text.body).toContain('Jordan Reed');
        expect(text.body).toContain(south.name);
        expect(text.body).toContain('jordan.reed@example.com');
        expect(text.body).toContain('Do you have the Civic in blue?');
        for (const to of ['sales@south.test', 'bdc@south.test']) {
          const mail = await smtp.mailTo(to);
          expect(mail.raw).toContain('Jordan Reed');
          expect(mail.raw).toContain(`Missed lead at ${south.name}`);
        }
        expect(await rowOf(cloud.db, 'leads', answer.body.leadId)).toMatchObject({
          assignedUserId: null,
          awaitingSince: expect.any(Number),
          source: 'Email',
        });
        await setPresence(sam, 'online');
      },
    );

    describe('bad input: a 400 (or 403, 404) that says what is wrong, and nothing written', () => {
      const refused = async (
        who: () => Api,
        body: unknown,
        status: number,
        message: RegExp,
      ): Promise<void> => {
        const before = [
          await snapshot(cloud.db, acme.tenantId),
          await snapshot(cloud.db, bravo.tenantId),
        ];
        const offers = await cloud.db.query('SELECT count(*)::int AS n FROM offers');
        const answer = await who().post('/v1/inbound', body);
        expect(answer.status, JSON.stringify(answer.body)).toBe(status);
        expect(answer.body.error.message).toMatch(message);
        expect([
          await snapshot(cloud.db, acme.tenantId),
          await snapshot(cloud.db, bravo.tenantId),
        ]).toEqual(before);
        expect(await cloud.db.query('SELECT count(*)::int AS n FROM offers')).toEqual(offers);
      };
      const valid = () => ({
        storeId: north.id,
        channel: 'sms',
        from: { phone: '+13035550188' },
        body: 'hello',
      });

      test.skipIf(skip)('neither a phone nor an email', () =>
        refused(
          () => manager,
          { ...valid(), from: { firstName: 'Anon' } },
          400,
          /^.*from: a phone or an email is required/,
        ),
      );
      test.skipIf(skip)('a phone that is not one', () =>
        refused(
          () => manager,
          { ...valid(), from: { phone: 'call me' } },
          400,
          /from\.phone: "call me" is not a phone number/,
        ),
      );
      test.skipIf(skip)('a body over 5000 characters', () =>
        refused(() => manager, { ...valid(), body: 'x'.repeat(5001) }, 400, /body: /),
      );
      test.skipIf(skip)('an empty body', () =>
        refused(() => manager, { ...valid(), body: '' }, 400, /body: /),
      );
      test.skipIf(skip)('a channel that does not exist', () =>
        refused(() => manager, { ...valid(), channel: 'fax' }, 400, /channel: /),
      );
      test.skipIf(skip)('a source that is not a lead source', () =>
        refused(
          () => manager,
          { ...valid(), source: 'Pigeon' },
          400,
          /source: "Pigeon" is not a lead source/,
        ),
      );
      test.skipIf(skip)('an unknown store', () =>
        refused(
          () => manager,
          { ...valid(), storeId: 'no-such-store' },
          404,
          /storeId: no store no-such-store/,
        ),
      );
      test.skipIf(skip)("another dealer group's store is as unknown", () =>
        refused(
          () => manager,
          { ...valid(), storeId: bravo.stores[0].id },
          404,
          /storeId: no store/,
        ),
      );
      test.skipIf(skip)('an agent may not post one', () =>
        refused(() => ana.api, valid(), 403, /needs the manager role; you are an agent/),
      );
    });
  },
);
