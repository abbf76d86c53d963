import { DOMParser } from '@xmldom/xmldom';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadChanges } from '../../../../src-cloud/sync/load-changes';
import { lockTenant } from '../../../../src-cloud/sync/tenant-write';
import type { TwilioAccount } from '../../../../src-cloud/twilio/account';
import type { Lead } from '../../../../src-shared/domain/lead';
import { postAsTwilio } from '../../../support/twilio/signed-post';
import { Api } from '../harness/api';
import { timelineOf } from '../harness/rows';
import { insertLead, seedTenant, type SeededTenant } from '../harness/seed';
import { BACKENDS, startTestCloud, type TestCloud } from '../harness/test-cloud';
import { connectTwilio } from '../harness/twilio';

const NORTH = {
  mainPhone: '+13035550100',
  textingNumber: '+13035550142',
  leadCallsNumber: '+13035550111',
};
const SOUTH = { mainPhone: '+13035550200', textingNumber: '+13035550242', leadCallsNumber: null };
const AGENT_CELL = '+17205550188';

/** Calls to a store's numbers, routed and logged (issue 5 item 7, seed 004 "Receiving Calls"). */
describe.each(BACKENDS)('inbound calls on $backend', ({ backend, skip }) => {
  let cloud: TestCloud;
  let t: SeededTenant;
  let account: TwilioAccount;
  let calls = 0;

  beforeAll(async () => {
    if (skip) return;
    cloud = await startTestCloud(backend);
    t = await seedTenant(cloud.db, 'Front Range Motors');
    account = await connectTwilio(cloud, t.tenantId, t.stores[0].id, NORTH);
    await connectTwilio(cloud, t.tenantId, t.stores[1].id, SOUTH, account);
    const agent = await new Api(cloud.url).login(t.agent.email, t.agent.password);
    const saved = await agent.request('PUT', '/v1/me/calling', {
      phone: AGENT_CELL,
      extension: ',9',
      forwardLeadCalls: true,
    });
    expect(saved.status).toBe(200);
  });
  afterAll(async () => cloud?.stop());

  const url = (path: string) => `${cloud.services.publicUrl()}${path}`;
  const asTwilio = (signedUrl: string, params: Record<string, string>, signed = true) =>
    postAsTwilio({
      signedUrl,
      postTo: `${cloud.url}${new URL(signedUrl).pathname}`,
      params: { AccountSid: account.accountSid, ...params },
      authToken: account.authToken,
      ...(!signed && { signature: null }),
    });
  /** A customer calls `to` from `from`: the TwiML Twilio is told to run. */
  const ring = async (
    from: string,
    to: string,
    callSid = `CA${(++calls).toString().padStart(32, '0')}`,
  ) => {
    const response = await asTwilio(url('/v1/twilio/voice'), {
      CallSid: callSid,
      From: from,
      To: to,
      CallStatus: 'ringing',
      Direction: 'inbound',
    });
    expect(response.status).toBe(200);
    const root = new DOMParser().parseFromString(await response.text(), 'text/xml')
      .documentElement as Element;
    const number = root.getElementsByTagName('Number')[0];
    const dial = root.getElementsByTagName('Dial')[0];
    return {
      callSid,
      dialled: number?.textContent ?? null,
      // xmldom answers '' for an attribute that is not there.
      sendDigits: number?.hasAttribute('sendDigits') ? number.getAttribute('sendDigits') : null,
      action: dial?.hasAttribute('action') ? dial.getAttribute('action') : null,
      said: root.getElementsByTagName('Say')[0]?.textContent ?? null,
    };
  };
  const withConversation = async (lead: Lead) => {
    await cloud.db.transaction(async (tx) => {
      await lockTenant(tx, t.tenantId);
      await loadChanges(tx, t.tenantId, [
        {
          table: 'conversations',
          op: 'upsert',
          row: {
            id: uuidv7(),
            tenantId: t.tenantId,
            leadId: lead.id,
            channel: 'sms',
            createdAt: Date.now(),
          },
        },
      ]);
    });
    return lead;
  };
  const callEvents = async (leadId: string) =>
    (await timelineOf(cloud.db, leadId)).filter((event) => event.kind === 'call');

  it.skipIf(skip)(
    "a lead with a conversation reaches its assigned agent's cell, extension dialled, and the call lands in the thread",
    async () => {
      const caller = '+13035550901';
      const lead = await withConversation(
        await insertLead(cloud.db, t.tenantId, t.stores[0].id, {
          phones: [{ number: caller, type: 'mobile' }],
          assignedUserId: t.agent.user.id,
        }),
      );
      const call = await ring('(303) 555-0901', NORTH.textingNumber);
      expect(call).toMatchObject({ dialled: AGENT_CELL, sendDigits: 'ww9' });
      expect(call.action).toMatch(/\/v1\/twilio\/calls\/[^/]+\/dialled$/);
      // Twilio retrying the webhook gets the same answer, and no second call.
      expect(await ring(caller, NORTH.textingNumber, call.callSid)).toEqual(call);
      const [{ count }] = (await cloud.db.query(
        'SELECT count(*)::int AS count FROM calls WHERE tenant_id = $1 AND call_sid = $2',
        [t.tenantId, call.callSid],
      )) as [{ count: number }];
      expect(count).toBe(1);
      expect(await callEvents(lead.id)).toEqual([]);

      await asTwilio(call.action as string, {
        DialCallStatus: 'completed',
        DialCallDuration: '45',
      });
      await asTwilio(call.action as string, {
        DialCallStatus: 'completed',
        DialCallDuration: '45',
      });
      const events = await callEvents(lead.id);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        actorUserId: t.agent.user.id,
        text: `Call from the customer to ${t.agent.user.name}, 45 s`,
        data: {
          direction: 'inbound',
          outcome: 'connected',
          durationSeconds: 45,
          viaNumber: AGENT_CELL,
        },
      });
    },
  );

  it.skipIf(skip)(
    "otherwise the store's lead-calls number: no conversation, an agent who does not forward, a stranger",
    async () => {
      const noConversation = await insertLead(cloud.db, t.tenantId, t.stores[0].id, {
        phones: [{ number: '+13035550902', type: 'mobile' }],
        assignedUserId: t.agent.user.id,
      });
      expect((await ring('+13035550902', NORTH.mainPhone)).dialled).toBe(NORTH.leadCallsNumber);
      const notForwarding = await withConversation(
        await insertLead(cloud.db, t.tenantId, t.stores[0].id, {
          phones: [{ number: '+13035550903', type: 'mobile' }],
          assignedUserId: t.manager.user.id,
        }),
      );
      const missed = await ring('+13035550903', NORTH.mainPhone);
      expect(missed).toMatchObject({ dialled: NORTH.leadCallsNumber, sendDigits: null });
      await asTwilio(missed.action as string, {
        DialCallStatus: 'no-answer',
        DialCallDuration: '0',
      });
      expect((await callEvents(notForwarding.id)).map((e) => e.text)).toEqual([
        'Missed call from the customer (No answer)',
      ]);

      // A stranger is logged, but calls create no leads.
      const stranger = await ring('+13035550999', NORTH.leadCallsNumber);
      // Called on the lead-calls number itself: never dialled back into itself.
      expect(stranger.dialled).toBe(NORTH.mainPhone);
      await asTwilio(stranger.action as string, {
        DialCallStatus: 'completed',
        DialCallDuration: '12',
      });
      const [row] = await cloud.db.query(
        'SELECT lead_id, outcome, duration_seconds, event_written FROM calls WHERE call_sid = $1',
        [stranger.callSid],
      );
      expect(row).toEqual({
        lead_id: null,
        outcome: 'connected',
        duration_seconds: 12,
        event_written: false,
      });
      const leads = await cloud.db.query(
        `SELECT 1 FROM leads WHERE tenant_id = $1 AND row -> 'phones' @> '[{"number": "+13035550999"}]'`,
        [t.tenantId],
      );
      expect(leads).toEqual([]);
      expect(await callEvents(noConversation.id)).toEqual([]);
    },
  );

  it.skipIf(skip)(
    'a store without a lead-calls number forwards to its main number; with neither, the caller hears why',
    async () => {
      expect((await ring('+13035550904', SOUTH.textingNumber)).dialled).toBe(SOUTH.mainPhone);
      const lead = await insertLead(cloud.db, t.tenantId, t.stores[1].id, {
        phones: [{ number: '+13035550905', type: 'mobile' }],
      });
      const nobody = await ring('+13035550905', SOUTH.mainPhone);
      expect(nobody.dialled).toBeNull();
      expect(nobody.said).toMatch(/Nobody can take your call/);
      expect((await callEvents(lead.id)).map((e) => e.text)).toEqual([
        'Missed call from the customer (No answer)',
      ]);
    },
  );

  it.skipIf(skip)('unsigned, or to a number nobody has: 403, and nothing is logged', async () => {
    const before = await cloud.db.query('SELECT count(*)::int AS n FROM calls');
    const params = { CallSid: 'CAx', From: '+13035550906', To: NORTH.mainPhone };
    expect((await asTwilio(url('/v1/twilio/voice'), params, false)).status).toBe(403);
    expect(
      (await asTwilio(url('/v1/twilio/voice'), { ...params, To: '+13035550000' })).status,
    ).toBe(403);
    const malformed = await asTwilio(url('/v1/twilio/voice'), { To: NORTH.mainPhone });
    expect(malformed.status).toBe(400);
    expect(await cloud.db.query('SELECT count(*)::int AS n FROM calls')).toEqual(before);
  });
});
