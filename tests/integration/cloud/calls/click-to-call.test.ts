import { DOMParser } from '@xmldom/xmldom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TwilioAccount } from '../../../../src-cloud/twilio/account';
import { postAsTwilio } from '../../../support/twilio/signed-post';
import { Api } from '../harness/api';
import { timelineOf } from '../harness/rows';
import { insertLead, seedTenant, type SeededTenant } from '../harness/seed';
import { BACKENDS, startTestCloud, type TestCloud } from '../harness/test-cloud';
import { connectTwilio } from '../harness/twilio';
import { TwilioStandIn } from '../../../support/twilio/stand-in';

const MAIN = '+13035550100';
const TEXTING = '+13035550142';
const AGENT_CELL = '+17205550188';

/** Click-to-call end to end against a stand-in of Twilio's Calls API (issue 5 item 7). */
describe.each(BACKENDS)('click-to-call on $backend', ({ backend, skip }) => {
  let cloud: TestCloud;
  let twilio: TwilioStandIn;
  let t: SeededTenant;
  let account: TwilioAccount;
  let agent: Api;

  beforeAll(async () => {
    if (skip) return;
    twilio = await TwilioStandIn.start();
    cloud = await startTestCloud(backend, { twilioApiOrigin: twilio.origin });
    t = await seedTenant(cloud.db, 'Front Range Motors');
    account = await connectTwilio(cloud, t.tenantId, t.stores[0].id, {
      mainPhone: MAIN,
      textingNumber: TEXTING,
    });
    twilio.addAccount(account);
    agent = await new Api(cloud.url).login(t.agent.email, t.agent.password);
    const saved = await agent.request('PUT', '/v1/me/calling', {
      phone: '(720) 555-0188',
      extension: ',1,,,234#',
      forwardLeadCalls: false,
    });
    expect(saved.status).toBe(200);
  });
  afterAll(async () => {
    await cloud?.stop();
    await twilio?.close();
  });

  /** Posts a webhook to the cloud as Twilio does, signed over PUBLIC_URL + path. */
  const asTwilio = (url: string, params: Record<string, string>, signed = true) => {
    const path = new URL(url).pathname;
    return postAsTwilio({
      signedUrl: url,
      postTo: `${cloud.url}${path}`,
      params: { AccountSid: account.accountSid, ...params },
      authToken: account.authToken,
      ...(!signed && { signature: null }),
    });
  };
  const twiml = async (response: Response) => {
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/xml/);
    return new DOMParser().parseFromString(await response.text(), 'text/xml')
      .documentElement as Element;
  };
  const first = (root: Element, tag: string) => root.getElementsByTagName(tag)[0];

  it.skipIf(skip)(
    "rings the agent's phone from the store's number, dials their extension, then connects the customer on a key",
    async () => {
      const lead = t.leads.open;
      const answer = await agent.post(`/v1/leads/${lead.id}/call`, {});
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      expect(answer.body).toMatchObject({ agentPhone: AGENT_CELL, customerNumber: '+13035550123' });
      const placed = twilio.calls.at(-1);
      expect(placed?.accountSid).toBe(account.accountSid);
      const form = placed?.params as URLSearchParams;
      const base = `${cloud.services.publicUrl()}/v1/twilio/calls/${answer.body.callId}`;
      expect(form.get('To')).toBe(AGENT_CELL);
      expect(form.get('From')).toBe(MAIN);
      expect(form.get('Url')).toBe(`${base}/connect`);
      expect(form.get('StatusCallback')).toBe(`${base}/status`);
      expect(form.getAll('StatusCallbackEvent')).toContain('completed');
      expect(form.get('SendDigits')).toBe('ww1wwwwww234#');

      // The agent picks up: one key to connect, so voicemail never reaches the customer.
      const prompt = await twiml(
        await asTwilio(form.get('Url') as string, { CallStatus: 'in-progress' }),
      );
      const gather = first(prompt, 'Gather');
      expect(gather?.getAttribute('numDigits')).toBe('1');
      expect(gather?.getAttribute('action')).toBe(`${base}/bridge`);
      expect(first(gather as Element, 'Say')?.textContent).toBe(
        'Press any key to connect you to Olive Customer.',
      );

      const bridged = await twiml(await asTwilio(`${base}/bridge`, { Digits: '5' }));
      const dial = first(bridged, 'Dial');
      expect(dial?.getAttribute('callerId')).toBe(MAIN);
      expect(dial?.getAttribute('action')).toBe(`${base}/dialled`);
      expect(first(dial as Element, 'Number')?.textContent).toBe('+13035550123');

      const noKey = await twiml(await asTwilio(`${base}/bridge`, {}));
      expect(noKey.getElementsByTagName('Dial').length).toBe(0);
      expect(noKey.getElementsByTagName('Hangup').length).toBe(1);

      // Opted out between the click and the key: the customer is not dialled.
      await cloud.db.query(
        `UPDATE leads SET row = row || '{"status": "dead", "optedOut": true}'::jsonb WHERE id = $1`,
        [lead.id],
      );
      try {
        const refused = await twiml(await asTwilio(`${base}/bridge`, { Digits: '5' }));
        expect(refused.getElementsByTagName('Dial').length).toBe(0);
        expect(first(refused, 'Say')?.textContent).toMatch(/Olive Customer opted out/);
      } finally {
        await cloud.db.query(`UPDATE leads SET row = $2::jsonb WHERE id = $1`, [
          lead.id,
          JSON.stringify(lead),
        ]);
      }
    },
  );

  it.skipIf(skip)(
    'the status callbacks complete the call: one timeline event with who and how long, whatever the order',
    async () => {
      const lead = await insertLead(cloud.db, t.tenantId, t.stores[0].id, { firstName: 'Cara' });
      const answer = await agent.post(`/v1/leads/${lead.id}/call`, {});
      const base = `${cloud.services.publicUrl()}/v1/twilio/calls/${answer.body.callId}`;
      const status = (CallStatus: string, CallDuration?: string) =>
        asTwilio(`${base}/status`, { CallStatus, ...(CallDuration && { CallDuration }) });
      expect((await status('initiated')).status).toBe(200);
      await status('ringing');
      await status('in-progress');
      expect(await timelineOf(cloud.db, lead.id)).toEqual([]);
      expect(
        (
          await asTwilio(`${base}/dialled`, {
            DialCallStatus: 'completed',
            DialCallDuration: '192',
          })
        ).status,
      ).toBe(200);
      await status('completed', '215');
      // Replayed and late callbacks change nothing.
      await status('completed', '215');
      await status('ringing');
      await asTwilio(`${base}/dialled`, { DialCallStatus: 'completed', DialCallDuration: '192' });

      const events = (await timelineOf(cloud.db, lead.id)).filter((e) => e.kind === 'call');
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        actorUserId: t.agent.user.id,
        text: `Call by ${t.agent.user.name}, 3 min 12 s`,
        data: { direction: 'outbound', outcome: 'connected', durationSeconds: 192 },
      });
      // Desktops see it: it is in the agent's pull.
      const pulled = await agent.pullAll();
      expect(
        pulled.changes.some(
          (change) =>
            change.op === 'upsert' &&
            change.table === 'timeline_events' &&
            change.row.id === events[0]?.id,
        ),
      ).toBe(true);
    },
  );

  it.skipIf(skip)(
    "a customer who is busy reads Busy, even when the dial's end arrives after the call's",
    async () => {
      const lead = await insertLead(cloud.db, t.tenantId, t.stores[0].id, { firstName: 'Ben' });
      const answer = await agent.post(`/v1/leads/${lead.id}/call`, {});
      const base = `${cloud.services.publicUrl()}/v1/twilio/calls/${answer.body.callId}`;
      await asTwilio(`${base}/status`, { CallStatus: 'completed', CallDuration: '31' });
      const before = (await timelineOf(cloud.db, lead.id)).filter((e) => e.kind === 'call');
      expect(before.map((e) => e.text)).toEqual([
        `Call by ${t.agent.user.name}: Not connected (their phone did not answer, or no key was pressed)`,
      ]);
      await asTwilio(`${base}/dialled`, { DialCallStatus: 'busy', DialCallDuration: '0' });
      const after = (await timelineOf(cloud.db, lead.id)).filter((e) => e.kind === 'call');
      expect(after.map((e) => [e.id, e.text])).toEqual([
        [before[0]?.id, `Call by ${t.agent.user.name}: Busy`],
      ]);
    },
  );

  it.skipIf(skip)('a webhook that is not signed, or names no call, stores nothing', async () => {
    const lead = await insertLead(cloud.db, t.tenantId, t.stores[0].id);
    const answer = await agent.post(`/v1/leads/${lead.id}/call`, {});
    const base = `${cloud.services.publicUrl()}/v1/twilio/calls/${answer.body.callId}`;
    const unsigned = await asTwilio(`${base}/status`, { CallStatus: 'completed' }, false);
    expect(unsigned.status).toBe(403);
    const unknown = await asTwilio(
      `${cloud.services.publicUrl()}/v1/twilio/calls/no-such-call/status`,
      { CallStatus: 'completed' },
    );
    expect(unknown.status).toBe(403);
    const malformed = await asTwilio(`${base}/status`, { CallStatus: 'exploded' });
    expect(malformed.status).toBe(400);
    const [row] = await cloud.db.query('SELECT first_status, outcome FROM calls WHERE id = $1', [
      answer.body.callId,
    ]);
    expect(row).toEqual({ first_status: 'queued', outcome: null });
    expect(await timelineOf(cloud.db, lead.id)).toEqual([]);
  });

  it.skipIf(skip)('refuses, saying why, and Twilio hears of none of it', async () => {
    const placedBefore = twilio.calls.length;
    const refusal = async (api: Api, leadId: string, body: unknown = {}) => {
      const answer = await api.post(`/v1/leads/${leadId}/call`, body);
      return [answer.status, answer.body.error?.code, answer.body.error?.message];
    };
    expect(await refusal(agent, t.leads.dead.id)).toEqual([
      403,
      'opted_out',
      expect.stringMatching(/Dexter Customer opted out \(Dead\)/),
    ]);
    const noPhone = await insertLead(cloud.db, t.tenantId, t.stores[0].id, { phones: [] });
    expect(await refusal(agent, noPhone.id)).toEqual([409, 'no_phone', expect.any(String)]);
    expect(await refusal(agent, t.leads.open.id, { phone: '+13035550999' })).toEqual([
      400,
      'invalid_request',
      expect.stringMatching(/not one of/),
    ]);
    expect(await refusal(agent, t.leads.otherStore.id)).toEqual([
      404,
      'not_found',
      expect.any(String),
    ]);

    const manager = await new Api(cloud.url).login(t.manager.email, t.manager.password);
    expect(await refusal(manager, t.leads.open.id)).toEqual([
      409,
      'no_outbound_phone',
      expect.stringMatching(/set your outbound phone in Settings/),
    ]);
    await manager.request('PUT', '/v1/me/calling', {
      phone: '7205550177',
      extension: '',
      forwardLeadCalls: false,
    });
    // Store 1 has no number at all.
    expect(await refusal(manager, t.leads.otherStore.id)).toEqual([
      409,
      'store_has_no_number',
      expect.stringMatching(/has no phone number to call from/),
    ]);

    const other = await seedTenant(cloud.db, 'No Twilio Motors');
    await cloud.db.query(`UPDATE stores SET row = row || $2::jsonb WHERE id = $1`, [
      other.stores[0].id,
      JSON.stringify({ mainPhone: '+13035550555' }),
    ]);
    const otherAgent = await new Api(cloud.url).login(other.agent.email, other.agent.password);
    await otherAgent.request('PUT', '/v1/me/calling', {
      phone: '7205550166',
      extension: '',
      forwardLeadCalls: false,
    });
    expect(await refusal(otherAgent, other.leads.open.id)).toEqual([
      409,
      'twilio_not_connected',
      expect.any(String),
    ]);
    // Another tenant's lead is as unknown as a made-up one.
    expect(await refusal(otherAgent, t.leads.open.id)).toEqual([
      404,
      'not_found',
      expect.any(String),
    ]);
    expect(twilio.calls.length).toBe(placedBefore);

    twilio.failNextCall({
      status: 400,
      code: 21215,
      message: 'Geo Permission configuration is not permitting call',
    });
    expect(await refusal(agent, t.leads.open.id)).toEqual([
      502,
      'twilio_refused',
      'Twilio did not place the call: Geo Permission configuration is not permitting call (error 21215)',
    ]);
    expect(twilio.violations).toEqual([]);
  });

  it.skipIf(skip)(
    'calling settings: any phone format is stored E.164, a bad one is named',
    async () => {
      const me = await agent.get('/v1/me');
      expect(me.body.user).toMatchObject({ phone: AGENT_CELL, extension: ',1,,,234#' });
      for (const [body, field] of [
        [{ phone: 'my cell', extension: '', forwardLeadCalls: true }, 'phone'],
        [{ phone: AGENT_CELL, extension: '12 ext 4', forwardLeadCalls: true }, 'extension'],
      ] as const) {
        const answer = await agent.request('PUT', '/v1/me/calling', body);
        expect(answer.status).toBe(400);
        expect(answer.body.error.message).toMatch(new RegExp(`^${field}: `));
      }
      expect((await agent.get('/v1/me')).body.user.phone).toBe(AGENT_CELL);
    },
  );
});
