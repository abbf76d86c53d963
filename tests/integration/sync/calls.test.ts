/**
 * Calls from the desktop (issue 5 item 7): the page asks the core, the core asks the cloud with
 * its session (callLead -> POST /v1/leads/:id/call; saveCallingSettings -> PUT /v1/me/calling),
 * and the cloud has Twilio (a stand-in here) ring the agent's phone. Refusals come back in the
 * cloud's words.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { demoUserByEmail } from '../../../src-shared/demo/catalog/users';
import { TwilioStandIn } from '../../support/twilio/stand-in';
import { startTestCloud, type TestCloud } from '../cloud/harness/test-cloud';
import { connectTwilio } from '../cloud/harness/twilio';
import { AGENT1, DEMO_PASSWORD } from './harness/demo-cloud';
import { startDesktop, type Desktop } from './harness/desktop';
import { leadsOf } from './harness/leads';

const STORE_NUMBER = '+13035550142';

let cloud: TestCloud;
let twilio: TwilioStandIn;
let desktop: Desktop;
beforeAll(async () => {
  twilio = await TwilioStandIn.start();
  cloud = await startTestCloud('pglite', {
    demo: true,
    demoLeads: 60,
    twilioApiOrigin: twilio.origin,
  });
  // The agent's store and tenant, as the cloud has them.
  const [{ tenant_id: tenantId, store_id: storeId }] = (await cloud.db.query(
    "SELECT tenant_id, row -> 'storeIds' ->> 0 AS store_id FROM users WHERE id = $1",
    [demoUserByEmail(AGENT1).id],
  )) as [{ tenant_id: string; store_id: string }];
  twilio.addAccount(
    await connectTwilio(cloud, tenantId, storeId, { mainPhone: STORE_NUMBER, textingNumber: null }),
  );
  desktop = startDesktop();
  await desktop.call('signIn', { cloudUrl: cloud.url, email: AGENT1, password: DEMO_PASSWORD });
  await desktop.connection((c) => c.state === 'online');
});
afterAll(async () => {
  await desktop?.close();
  await cloud?.stop();
  await twilio?.close();
});

test('without an outbound phone, Call says to set one in Settings, and Twilio hears nothing', async () => {
  await desktop.call('saveCallingSettings', {
    phone: null,
    extension: '',
    forwardLeadCalls: false,
  });
  const [lead] = await leadsOf(cloud, AGENT1, 'open');
  const answer = await desktop.raw('callLead', { leadId: lead!.id });
  expect(answer).toMatchObject({
    ok: false,
    error: {
      code: 'forbidden',
      message: expect.stringMatching(/^Set your outbound phone in Settings/),
    },
  });
  expect(twilio.calls).toEqual([]);
});

test('the settings are saved by the cloud and reach the replica; Call then rings that phone', async () => {
  const saved = await desktop.call('saveCallingSettings', {
    phone: '(720) 555-0188',
    extension: ',1,,,234#',
    forwardLeadCalls: true,
  });
  expect(saved).toMatchObject({
    phone: '+17205550188',
    extension: ',1,,,234#',
    preferences: { forwardLeadCalls: true },
  });
  await expect
    .poll(async () => (await desktop.call('getDirectory', {})).me.phone, { timeout: 10_000 })
    .toBe('+17205550188');

  const [lead] = await leadsOf(cloud, AGENT1, 'open');
  const started = await desktop.call('callLead', { leadId: lead!.id });
  expect(started).toMatchObject({
    agentPhone: '+17205550188',
    customerNumber: lead!.phones[0]!.number,
  });
  const placed = twilio.calls.at(-1)?.params;
  expect(placed?.get('To')).toBe('+17205550188');
  expect(placed?.get('From')).toBe(STORE_NUMBER);
  expect(placed?.get('SendDigits')).toBe('ww1wwwwww234#');
});

test('a Dead lead and a bad extension are refused with the reason', async () => {
  const [dead] = await leadsOf(cloud, AGENT1, 'dead');
  const before = twilio.calls.length;
  expect(await desktop.raw('callLead', { leadId: dead!.id })).toMatchObject({
    ok: false,
    error: { code: 'forbidden', message: expect.stringMatching(/opted out \(Dead\)/) },
  });
  expect(twilio.calls.length).toBe(before);
  const badExtension = await desktop.raw('saveCallingSettings', {
    phone: '7205550188',
    extension: '12 ext',
    forwardLeadCalls: false,
  });
  expect(badExtension).toMatchObject({
    ok: false,
    error: { code: 'invalid_arguments', message: expect.stringMatching(/^Extension: /) },
  });
});
