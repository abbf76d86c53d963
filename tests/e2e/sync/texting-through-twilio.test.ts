/**
 * Issue 5 end to end: "an inbound text from an unknown number rings the store's online agents;
 * one accepts and replies; the stand-in receives the send; delivered appears on the message on
 * both agents' screens."
 *
 * One cloud in this process (PGlite, no demo: a seeded dealer group) whose Twilio API is the
 * stand-in (tests/support/twilio/stand-in.ts, every SDK request checked against Twilio's API
 * description). The cloud sits behind a public address Twilio "sees" (PUBLIC_URL): webhooks are
 * signed over that address and delivered to the cloud on 127.0.0.1, as behind a proxy. Two
 * agents of the North store, each on their own PC (a browser host and a Chromium page).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import { formatPhone } from '../../../src-shared/phone/phone';
import type { Store } from '../../../src-shared/domain/tenant';
import { TwilioStandIn, type SentMessage } from '../../support/twilio/stand-in';
import { postAsTwilio } from '../../support/twilio/signed-post';
import { Api } from '../../integration/cloud/harness/api';
import {
  seedTenant,
  type SeededTenant,
  type SeededUser,
} from '../../integration/cloud/harness/seed';
import { testTwilioAccount } from '../../integration/cloud/harness/twilio';
import type { TwilioAccount } from '../../../src-cloud/twilio/account';
import { addAgents } from '../../integration/cloud/offers-fixture';
import { startSyncedDesktops, type Desktop, type SyncedDesktops } from '../support/synced-desktops';

const WAIT_MS = 60_000;
/** Where Twilio posts its webhooks: the cloud's public address, not its 127.0.0.1 port. */
const PUBLIC_URL = 'https://showroom.dealer.example';
const NORTH_TEXTING_NUMBER = '+13035550142';
/** Nobody in the dealer group has this number: the text makes a new lead. */
const CUSTOMER = '+17205550188';
const FIRST_TEXT = 'Is the blue Tacoma still there?';
const REPLY = 'It is! Want to see it today at 4?';

describe('a text from an unknown number, answered through Twilio', () => {
  let standIn: TwilioStandIn;
  let fx: SyncedDesktops;
  let acme: SeededTenant;
  let north: Store;
  let account: TwilioAccount;
  let ana: SeededUser;
  let ben: SeededUser;
  let agentA: Desktop;
  let agentB: Desktop;
  let adminApi: Api;
  /** Known once the inbound text rang. */
  let offerId = '';
  let leadId = '';
  /** Known once the stand-in received the reply. */
  let sent: SentMessage;
  let messageId = '';

  /** Where a request for `url` on the public address really goes: the cloud on 127.0.0.1. */
  const toCloud = (url: string) => url.replace(PUBLIC_URL, fx.cloud.url);

  beforeAll(async () => {
    standIn = await TwilioStandIn.start();
    fx = await startSyncedDesktops(2, {
      config: { demo: false, twilioApiOrigin: standIn.origin, publicUrl: PUBLIC_URL },
    });
    acme = await seedTenant(fx.cloud.db, 'Acme');
    north = acme.stores[0];
    [ana, ben] = (await addAgents(
      fx.cloud.db,
      acme.tenantId,
      [north.id],
      ['Ana Torres', 'Ben Okafor'],
    )) as [SeededUser, SeededUser];

    // The admin connects the dealer group's Twilio account as they would in the admin screen.
    account = testTwilioAccount();
    standIn.addAccount(account);
    adminApi = await new Api(fx.cloud.url).login(acme.admin.email, acme.admin.password);
    const saved = await adminApi.request('PUT', '/v1/admin/twilio', account);
    expect(saved.status).toBe(200);
    // North texts from its number (set as a fixture: no screen edits store numbers yet), and
    // gives agents the longest time to answer: the machine is loaded, the test is not a race.
    await fx.cloud.db.query(
      `UPDATE stores SET row = row || $3::jsonb WHERE tenant_id = $1 AND id = $2`,
      [
        acme.tenantId,
        north.id,
        JSON.stringify({ textingNumber: NORTH_TEXTING_NUMBER, offerTimeoutSeconds: 600 }),
      ],
    );

    [agentA, agentB] = fx.desktops as [Desktop, Desktop];
    for (const [pc, who] of [
      [agentA, ana],
      [agentB, ben],
    ] as const) {
      await pc.sitDown();
      await pc.signIn.signIn({ cloudUrl: fx.cloud.url, email: who.email, password: who.password });
      await pc.console.waitUntilOpen();
      await pc.page.getByTestId('presence-status').waitFor({ timeout: WAIT_MS });
    }
    // Both desks are online in the cloud's eyes before the customer texts.
    await cloudSeesOnline(ana.user.id);
    await cloudSeesOnline(ben.user.id);
  }, 240_000);

  afterAll(async () => {
    // Every request the cloud's SDK sent matched Twilio's API description.
    if (standIn) expect(standIn.violations).toEqual([]);
    await fx?.close();
    await standIn?.close();
  });

  /** Polls the cloud's presence list (a hook may not use expect.poll) until the user is online. */
  async function cloudSeesOnline(userId: string): Promise<void> {
    await vi.waitFor(
      async () => {
        const { body } = await adminApi.get('/v1/presence');
        const users = (body?.users ?? []) as { userId: string; state: string }[];
        const state = users.find((u) => u.userId === userId)?.state;
        if (state !== 'online') throw new Error(`the cloud sees ${userId} as ${state}`);
      },
      { timeout: WAIT_MS, interval: 100 },
    );
  }

  const alertOn = (pc: Desktop) =>
    pc.page.locator(`[data-testid="offer-alert"][data-offer-id="${offerId}"]`);
  const threadItem = (page: Page, id: string) =>
    page.locator(
      `[data-testid="thread"][data-lead-id="${leadId}"] [data-testid="thread-item"][data-id="${id}"]`,
    );
  const deliveryOf = (pc: Desktop) => threadItem(pc.page, messageId).getByTestId('delivery-status');

  it("a text from an unknown number to North's Twilio number rings at both online agents", async () => {
    const webhook = await postAsTwilio({
      signedUrl: `${PUBLIC_URL}/v1/twilio/sms`,
      postTo: `${fx.cloud.url}/v1/twilio/sms`,
      params: {
        ToCountry: 'US',
        MessageSid: `SM${'0a1b2c3d'.repeat(4)}`,
        SmsSid: `SM${'0a1b2c3d'.repeat(4)}`,
        AccountSid: account.accountSid,
        From: CUSTOMER,
        To: NORTH_TEXTING_NUMBER,
        Body: FIRST_TEXT,
        NumMedia: '0',
        NumSegments: '1',
        ApiVersion: '2010-04-01',
      },
      authToken: account.authToken,
    });
    expect(webhook.status).toBe(200);

    const first = agentA.page.getByTestId('offer-alert').first();
    await first.waitFor({ timeout: WAIT_MS });
    offerId = (await first.getAttribute('data-offer-id')) ?? '';
    leadId = (await first.getAttribute('data-lead-id')) ?? '';
    expect(offerId).toMatch(/^[0-9a-f-]{36}$/);

    // The cloud made one new lead for the number, in North, with nobody's name on it yet.
    const leads = await fx.cloud.db.query<{ id: string; store: string; first: string | null }>(
      `SELECT id, row ->> 'storeId' AS store, row ->> 'firstName' AS first FROM leads
       WHERE tenant_id = $1 AND row -> 'phones' @> $2::jsonb`,
      [acme.tenantId, JSON.stringify([{ number: CUSTOMER }])],
    );
    expect(leads).toEqual([{ id: leadId, store: north.id, first: null }]);

    for (const pc of [agentA, agentB]) {
      const alert = alertOn(pc);
      await alert.waitFor({ timeout: WAIT_MS });
      expect(await alert.getAttribute('data-phase')).toBe('ringing');
      expect(await alert.getByTestId('offer-lead-name').textContent()).toBe('Unknown');
      expect(await alert.getByTestId('offer-phone').textContent()).toBe(formatPhone(CUSTOMER));
      expect(await alert.getByTestId('offer-store').textContent()).toBe(north.name);
      expect(await alert.getByTestId('offer-first-message').textContent()).toBe(FIRST_TEXT);
    }
  });

  it("agent A accepts; B's alert closes, taken by A", async () => {
    await agentA.sitDown();
    await alertOn(agentA).getByTestId('offer-accept').click();
    await expect
      .poll(() => alertOn(agentB).getByTestId('offer-message').textContent(), {
        timeout: WAIT_MS,
      })
      .toBe(`Taken by ${ana.user.name}`);
    const [lead] = await fx.cloud.db.query<{ assigned: string | null }>(
      `SELECT row ->> 'assignedUserId' AS assigned FROM leads WHERE id = $1`,
      [leadId],
    );
    expect(lead?.assigned).toBe(ana.user.id);
  });

  it('A is shown the lead (Unknown, by its phone) and replies; Twilio gets exactly that text', async () => {
    // Accepting opens the lead on A's console.
    await agentA.page
      .locator(`[data-testid="thread"][data-lead-id="${leadId}"][data-loading="false"]`)
      .waitFor({ timeout: WAIT_MS });
    expect(await agentA.page.getByTestId('lead-name').textContent()).toBe('Unknown');
    expect(await agentA.page.getByTestId('lead-contact').textContent()).toContain(
      formatPhone(CUSTOMER),
    );
    await expect
      .poll(() => agentA.page.getByTestId('message-body').allTextContents(), {
        timeout: WAIT_MS,
      })
      .toContain(FIRST_TEXT);

    const input = agentA.page.getByTestId('composer-input');
    await agentA.page
      .locator('[data-testid="composer"][data-disabled="false"]')
      .waitFor({ timeout: WAIT_MS });
    await input.fill(REPLY);
    await input.press('Enter');

    [sent] = (await withTimeout(standIn.waitForSends(1), 'the reply reaching Twilio')) as [
      SentMessage,
    ];
    expect(sent).toMatchObject({
      accountSid: account.accountSid,
      to: CUSTOMER,
      from: NORTH_TEXTING_NUMBER,
      body: REPLY,
      mediaUrls: [],
    });
    const callback = new RegExp(`^${PUBLIC_URL}/v1/twilio/status/([0-9a-f-]{36})$`).exec(
      sent.statusCallback ?? '',
    );
    expect(callback, `status callback ${sent.statusCallback}`).not.toBeNull();
    messageId = callback?.[1] ?? '';

    // The callback names the message A sees in the thread, with A's words on it.
    await threadItem(agentA.page, messageId).waitFor({ timeout: WAIT_MS });
    expect(await threadItem(agentA.page, messageId).getByTestId('message-body').textContent()).toBe(
      REPLY,
    );
    // The cloud took the Twilio SID onto the message: the send is settled and never repeats.
    await expect
      .poll(
        async () => {
          const [row] = await fx.cloud.db.query<{ provider: string | null }>(
            `SELECT row ->> 'providerId' AS provider FROM messages WHERE id = $1`,
            [messageId],
          );
          return row?.provider;
        },
        { timeout: WAIT_MS, interval: 100 },
      )
      .toBe(sent.sid);
    expect(await deliveryOf(agentA).textContent()).toMatch(/Queued/);
  });

  it('B opens the same lead read-only (A is in it) and sees the reply', async () => {
    await agentB.sitDown();
    await agentB.console.search(formatPhone(CUSTOMER));
    await agentB.console.openLead(leadId);
    await expect
      .poll(() => agentB.page.getByTestId('lead-lock-banner').textContent(), {
        timeout: WAIT_MS,
      })
      .toContain(`${ana.user.name} is in this lead`);
    // Read-only here: B reads the conversation but cannot write in it while A is in the lead.
    expect(await agentB.page.getByTestId('composer').getAttribute('data-disabled')).toBe('true');
    await threadItem(agentB.page, messageId).waitFor({ timeout: WAIT_MS });
    expect(await threadItem(agentB.page, messageId).getByTestId('message-body').textContent()).toBe(
      REPLY,
    );
  });

  it("Twilio's status callbacks, sent then delivered, show on the message on both screens", async () => {
    const sentCallback = await standIn.postStatus(sent.sid, 'sent', { postTo: toCloud });
    expect(sentCallback.status).toBe(200);
    for (const pc of [agentA, agentB]) {
      await expect.poll(() => deliveryOf(pc).textContent(), { timeout: WAIT_MS }).toMatch(/Sent$/);
    }

    const delivered = await standIn.postStatus(sent.sid, 'delivered', { postTo: toCloud });
    expect(delivered.status).toBe(200);
    for (const pc of [agentA, agentB]) {
      await expect
        .poll(() => deliveryOf(pc).textContent(), { timeout: WAIT_MS })
        .toMatch(/Delivered$/);
    }

    // One reply, one send: exactly one Messages.create reached Twilio, and nothing refused.
    const creates = standIn.requests.filter(
      (r) => r === `POST /2010-04-01/Accounts/${account.accountSid}/Messages.json`,
    );
    expect(creates).toHaveLength(1);
    expect(standIn.sent).toHaveLength(1);
    expect(standIn.violations).toEqual([]);
  });
});

/** Fails, naming what never happened, instead of hanging until vitest's own timeout. */
async function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), WAIT_MS);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
