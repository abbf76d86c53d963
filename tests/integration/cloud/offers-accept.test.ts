import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Store } from '../../../src-shared/domain/tenant';
import { storeContacts } from '../../../src-shared/domain/store-contacts';
import { RecordingTexter } from '../../../src-cloud/texting/recording-texter';
import { Api } from './harness/api';
import { rowOf, timelineOf } from './harness/rows';
import { seedTenant, type SeededTenant, type SeededUser } from './harness/seed';
import { TestSmtp } from './harness/smtp';
import { BACKENDS, startTestCloud, type TestCloud } from './harness/test-cloud';
import {
  addAgents,
  isOffer,
  isOfferClosed,
  offerRow,
  openDesk,
  setPresence,
  updateStore,
  type Desk,
} from './offers-fixture';

const MISSED_MESSAGE = 'This lead was not answered in time and is no longer ringing';

describe.each(BACKENDS)('accepting and missing offers, on $backend', ({ backend, skip }) => {
  let cloud: TestCloud;
  let smtp: TestSmtp;
  const texter = new RecordingTexter();
  let acme: SeededTenant;
  let bravo: SeededTenant;
  let north: Store;
  let manager: Api;
  /** North's agents, both online; Cal works North too but is offline. */
  let ana: Desk, ben: Desk;
  let cal: Api;
  let phone = 100;

  /** A new customer texting North: an offer ringing at Ana and Ben. */
  const ring = async (firstName = 'Dana') => {
    const answer = await manager.post('/v1/inbound', {
      storeId: north.id,
      channel: 'sms',
      from: {
        phone: `+1303555${String(phone++).padStart(4, '0')}`,
        firstName,
        lastName: 'Whitfield',
      },
      body: 'Is the Tacoma still available?',
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const { offerId, leadId } = answer.body as { offerId: string; leadId: string };
    for (const desk of [ana, ben]) await desk.live.next(isOffer(offerId));
    return { offerId, leadId };
  };
  const accept = (api: Api, offerId: string) => api.post(`/v1/offers/${offerId}/accept`);
  /** As if the store's timeout had passed; the expiry job (every 50 ms here) does the rest. */
  const expire = (offerId: string) =>
    cloud.db.query('UPDATE offers SET expires_at = $2 WHERE id = $1', [offerId, Date.now() - 1]);

  beforeAll(async () => {
    if (skip) return;
    smtp = await TestSmtp.start();
    cloud = await startTestCloud(backend, { smtp: smtp.settings }, { texter, offerExpiryMs: 50 });
    acme = await seedTenant(cloud.db, 'Acme');
    bravo = await seedTenant(cloud.db, 'Bravo');
    north = await updateStore(cloud.db, acme.stores[0], {
      textingNumber: '+13035550101',
      contacts: storeContacts({
        smsNotificationNumber: '+13035550190',
        salesLeadEmails: ['sales@north.test'],
      }),
    });
    manager = await new Api(cloud.url).login(acme.manager.email, acme.manager.password);
    const [anaUser, benUser, calUser] = (await addAgents(
      cloud.db,
      acme.tenantId,
      [north.id],
      ['Ana Torres', 'Ben Okafor', 'Cal Reyes'],
    )) as [SeededUser, SeededUser, SeededUser];
    [ana, ben] = await Promise.all([openDesk(cloud.url, anaUser), openDesk(cloud.url, benUser)]);
    await Promise.all([setPresence(ana, 'online'), setPresence(ben, 'online')]);
    cal = await new Api(cloud.url).login(calUser.email, calUser.password);
  });
  afterAll(async () => {
    for (const d of [ana, ben]) d?.live.close();
    await cloud?.stop();
    await smtp?.stop();
  });

  test.skipIf(skip)(
    "the first Accept takes the lead; the other desk's alert closes with Taken by NAME",
    async () => {
      const { offerId, leadId } = await ring();
      const won = await accept(ana.api, offerId);
      expect([won.status, won.body]).toEqual([200, { leadId }]);

      const lost = await accept(ben.api, offerId);
      expect([lost.status, lost.body.error]).toEqual([
        409,
        { code: 'offer_taken', message: 'Taken by Ana Torres' },
      ]);

      const closed = {
        type: 'offer-closed',
        closed: {
          offerId,
          leadId,
          outcome: 'accepted',
          acceptedBy: { userId: ana.who.user.id, name: 'Ana Torres' },
        },
      };
      expect(await ben.live.next(isOfferClosed(offerId))).toEqual(closed);
      expect(await ana.live.next(isOfferClosed(offerId))).toEqual(closed);

      expect((await rowOf(cloud.db, 'leads', leadId))?.assignedUserId).toBe(ana.who.user.id);
      expect((await timelineOf(cloud.db, leadId)).at(-1)).toMatchObject({
        kind: 'assignment',
        text: 'Assigned to Ana Torres',
        actorUserId: ana.who.user.id,
      });
      expect(await offerRow(cloud.db, offerId)).toMatchObject({
        status: 'accepted',
        accepted_by_user_id: ana.who.user.id,
      });
      // A second click (or a retry after a lost answer) is still a success, and changes nothing.
      expect((await accept(ana.api, offerId)).body).toEqual({ leadId });
      expect(await timelineOf(cloud.db, leadId)).toHaveLength(1);
    },
  );

  test.skipIf(skip)('an offer that does not exist here is not found', async () => {
    const { offerId } = await ring();
    const bravoAgent = await new Api(cloud.url).login(bravo.agent.email, bravo.agent.password);
    for (const [api, id] of [
      [ana.api, 'no-such-offer'],
      [bravoAgent, offerId],
    ] as const) {
      const answer = await accept(api, id);
      expect([answer.status, answer.body.error.code]).toEqual([404, 'offer_not_found']);
      expect(answer.body.error.message).toBe(`No offer ${id} here`);
    }
    expect((await offerRow(cloud.db, offerId))?.status).toBe('open');
  });

  test.skipIf(skip)('an agent it did not ring for cannot take it', async () => {
    const { offerId, leadId } = await ring();
    const other = await new Api(cloud.url).login(acme.otherAgent.email, acme.otherAgent.password);
    for (const api of [cal, other]) {
      const answer = await accept(api, offerId);
      expect([answer.status, answer.body.error]).toEqual([
        403,
        { code: 'offer_not_yours', message: 'This lead was not offered to you' },
      ]);
    }
    expect((await offerRow(cloud.db, offerId))?.status).toBe('open');
    expect((await rowOf(cloud.db, 'leads', leadId))?.assignedUserId).toBeNull();
  });

  test.skipIf(skip)(
    'nobody accepts in time: the alerts close, the store is texted and emailed, the lead waits',
    async () => {
      const { offerId, leadId } = await ring('Quinn');
      await expire(offerId);
      const closed = {
        type: 'offer-closed',
        closed: { offerId, leadId, outcome: 'missed', acceptedBy: null },
      };
      expect(await ana.live.next(isOfferClosed(offerId))).toEqual(closed);
      expect(await ben.live.next(isOfferClosed(offerId))).toEqual(closed);

      const text = await texter.textTo('+13035550190');
      expect(text.from).toBe('+13035550101');
      expect(text.body).toMatch(
        new RegExp(
          `^Missed lead at ${north.name}: Quinn Whitfield \\(303\\) 555-\\d{4} \\(Text\\): "Is the Tacoma still available\\?" Nobody accepted within 60 s\\.$`,
        ),
      );
      const mail = await smtp.mailTo('sales@north.test');
      expect(mail.raw).toContain('Quinn Whitfield');
      expect(mail.raw).toContain('Is the Tacoma still available?');

      const late = await accept(ana.api, offerId);
      expect([late.status, late.body.error]).toEqual([
        410,
        { code: 'offer_missed', message: MISSED_MESSAGE },
      ]);
      expect(await offerRow(cloud.db, offerId)).toMatchObject({ status: 'missed' });
      expect(await rowOf(cloud.db, 'leads', leadId)).toMatchObject({
        assignedUserId: null,
        awaitingSince: expect.any(Number),
      });
    },
  );

  test.skipIf(skip)('a text that fails to send is logged and changes nothing else', async () => {
    texter.failWith = new Error('provider down');
    try {
      const { offerId, leadId } = await ring('Robin');
      await expire(offerId);
      await ana.live.next(isOfferClosed(offerId));
      // The email still goes out; the offer stays missed.
      expect((await smtp.mailTo('sales@north.test')).raw).toContain('Robin Whitfield');
      expect((await offerRow(cloud.db, offerId))?.status).toBe('missed');
      expect((await rowOf(cloud.db, 'leads', leadId))?.assignedUserId).toBeNull();
    } finally {
      texter.failWith = null;
    }
    expect(texter.sent).toEqual([]);
  });
});
