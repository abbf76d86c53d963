/**
 * Calls in the console (issue 5 item 7), end to end in Chromium against the browser host and a
 * cloud whose Twilio is a stand-in: Call on a lead first says what is missing (an outbound
 * phone), the agent sets it in Settings > Calls, and Call then rings that phone through Twilio.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FIXTURE_LEAD, DEMO_PASSWORD } from '../../../src-shared/demo';
import { demoUserByEmail } from '../../../src-shared/demo/catalog/users';
import { TwilioStandIn } from '../../support/twilio/stand-in';
import { startTestCloud, type TestCloud } from '../../integration/cloud/harness/test-cloud';
import { connectTwilio } from '../../integration/cloud/harness/twilio';
import { startDesktops, type Desktop, type Desktops } from '../support/synced-desktops';

const DANA = DEMO_FIXTURE_LEAD.id;
const STORE_NUMBER = '+19705550100';
const WAIT_MS = 30_000;

describe('calling a lead from the console', () => {
  let twilio: TwilioStandIn;
  let cloud: TestCloud;
  let desktops: Desktops;
  let pc: Desktop;

  beforeAll(async () => {
    twilio = await TwilioStandIn.start();
    cloud = await startTestCloud('pglite', {
      demo: true,
      demoLeads: 100,
      twilioApiOrigin: twilio.origin,
    });
    const [tenant] = await cloud.db.query<{ tenant_id: string }>(
      'SELECT tenant_id FROM stores WHERE id = $1',
      [DEMO_FIXTURE_LEAD.storeId],
    );
    twilio.addAccount(
      await connectTwilio(cloud, tenant!.tenant_id, DEMO_FIXTURE_LEAD.storeId, {
        mainPhone: STORE_NUMBER,
      }),
    );
    desktops = await startDesktops(1);
    pc = desktops.desktops[0]!;
    await pc.sitDown();
    await pc.signIn.signIn({
      cloudUrl: cloud.url,
      email: 'agent1@demo.test',
      password: DEMO_PASSWORD,
    });
    await pc.console.waitUntilOpen();
    await pc.console.search(DEMO_FIXTURE_LEAD.name);
    await pc.console.openLead(DANA);
  });
  afterAll(async () => {
    await desktops?.close();
    await cloud?.stop();
    await twilio?.close();
  });

  const notice = () => pc.page.getByTestId('call-notice');

  const openSettings = async () => {
    await pc.page.getByTestId('user-menu').click();
    await pc.page.getByTestId('open-settings').click();
    await pc.page.getByTestId('settings-calls').waitFor();
    return pc.page.getByTestId('settings-calls');
  };
  const call = async (kind: 'calling' | 'refused') => {
    await pc.page.getByTestId('call-lead').click();
    await pc.page
      .locator(`[data-testid="call-notice"][data-kind="${kind}"]`)
      .waitFor({ timeout: WAIT_MS });
    return notice().textContent();
  };
  const agent1 = demoUserByEmail('agent1@demo.test').id;
  const agentRow = async () =>
    (await cloud.db.query('SELECT row FROM users WHERE id = $1', [agent1]))[0]?.row;

  it("Call rings the agent's own phone first, from the store's number", async () => {
    const demoPhone = ((await agentRow()) as { phone: string }).phone;
    expect(await call('calling')).toMatch(/^Calling your phone \(\d{3}\) \d{3}-\d{4}… answer it/);
    const placed = twilio.calls.at(-1)?.params;
    expect(placed?.get('To')).toBe(demoPhone);
    expect(placed?.get('From')).toBe(STORE_NUMBER);
  });

  it('Settings > Calls saves the phone in any format, names a bad extension, and Call rings it', async () => {
    const calls = await openSettings();

    await calls.getByTestId('settings-calls-extension').fill('12 ext');
    await calls.getByTestId('settings-calls-extension').press('Enter');
    const error = calls.locator('[data-testid="settings-error"][data-field="extension"]');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/not a space, "e", "x", "t"/);

    await calls.getByTestId('settings-calls-phone').fill('720.555.0188');
    await calls.getByTestId('settings-calls-phone').press('Enter');
    await calls.getByTestId('settings-calls-extension').fill(',1#');
    await calls.getByTestId('settings-calls-extension').press('Enter');
    await calls.getByTestId('settings-calls-forward').check();
    await expect.poll(agentRow, { timeout: WAIT_MS }).toMatchObject({
      phone: '+17205550188',
      extension: ',1#',
      preferences: { forwardLeadCalls: true },
    });
    await pc.page.getByTestId('settings-close').click();

    await pc.console.openLead(DANA);
    expect(await call('calling')).toBe(
      'Calling your phone (720) 555-0188… answer it and press any key to connect to (970) 123-4567.',
    );
    const placed = twilio.calls.at(-1)?.params;
    expect(placed?.get('To')).toBe('+17205550188');
    expect(placed?.get('From')).toBe(STORE_NUMBER);
    expect(placed?.get('SendDigits')).toBe('ww1#');
  });

  it('with the phone cleared in Settings, Call says to set one', async () => {
    const calls = await openSettings();
    await calls.getByTestId('settings-calls-extension').fill('');
    await calls.getByTestId('settings-calls-extension').press('Enter');
    await expect.poll(agentRow, { timeout: WAIT_MS }).toMatchObject({ extension: '' });
    await calls.getByTestId('settings-calls-phone').fill('');
    await calls.getByTestId('settings-calls-phone').press('Enter');
    await expect.poll(agentRow, { timeout: WAIT_MS }).toMatchObject({ phone: null });
    await pc.page.getByTestId('settings-close').click();
    await pc.console.openLead(DANA);
    const placed = twilio.calls.length;
    expect(await call('refused')).toMatch(/^Set your outbound phone in Settings/);
    expect(twilio.calls.length).toBe(placed);
  });
});
