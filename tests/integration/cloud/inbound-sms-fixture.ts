import { randomBytes } from 'node:crypto';
import type { TwilioAccount } from '../../../src-cloud/twilio/account';
import { postAsTwilio } from '../../support/twilio/signed-post';
import { TwilioMediaHost } from '../../support/twilio/media-host';
import { seedTenant, type SeededTenant } from './harness/seed';
import { startTestCloud, type Backend, type TestCloud } from './harness/test-cloud';
import { connectTwilio, testTwilioAccount } from './harness/twilio';

/** North's texting number in the inbound-text suites. */
export const NORTH_NUMBER = '+13035550142';
export const NORTH_MAIN = '+13035550100';

/** A fresh Twilio message SID. */
export const messageSid = (prefix: 'SM' | 'MM' = 'SM') =>
  `${prefix}${randomBytes(16).toString('hex')}`;

export interface SmsWorld {
  cloud: TestCloud;
  acme: SeededTenant;
  account: TwilioAccount;
  media: TwilioMediaHost;
  /** Posts Twilio's incoming-message webhook for a text to North, signed. */
  text(from: string, body: string, extra?: Record<string, string>): Promise<Response>;
  stop(): Promise<void>;
}

/**
 * A cloud whose tenant Acme has Twilio connected (North texts from NORTH_NUMBER, main phone
 * NORTH_MAIN) and whose Twilio API origin is a media host that wants the account's Basic auth.
 */
export async function startSmsWorld(backend: Backend): Promise<SmsWorld> {
  const account = testTwilioAccount();
  const media = await TwilioMediaHost.start(account);
  const cloud = await startTestCloud(
    backend,
    { twilioApiOrigin: media.apiOrigin },
    { offerExpiryMs: 60_000, inboundMediaSweepMs: 60_000 },
  );
  const acme = await seedTenant(cloud.db, 'Acme');
  await connectTwilio(
    cloud,
    acme.tenantId,
    acme.stores[0].id,
    {
      textingNumber: NORTH_NUMBER,
      mainPhone: NORTH_MAIN,
    },
    account,
  );
  acme.stores[0] = { ...acme.stores[0], textingNumber: NORTH_NUMBER, mainPhone: NORTH_MAIN };
  return {
    cloud,
    acme,
    account,
    media,
    text: (from, body, extra = {}) =>
      postAsTwilio({
        signedUrl: `${cloud.services.publicUrl()}/v1/twilio/sms`,
        postTo: `${cloud.url}/v1/twilio/sms`,
        params: {
          ToCountry: 'US',
          MessageSid: messageSid(),
          AccountSid: account.accountSid,
          From: from,
          To: NORTH_NUMBER,
          Body: body,
          NumMedia: '0',
          NumSegments: '1',
          ApiVersion: '2010-04-01',
          ...extra,
        },
        authToken: account.authToken,
      }),
    async stop() {
      await cloud.stop();
      await media.stop();
    },
  };
}

/** The lead's messages, oldest first. */
export async function messagesOf(cloud: TestCloud, leadId: string) {
  const rows = await cloud.db.query<{
    row: {
      id: string;
      body: string;
      direction: string;
      conversationId: string;
      providerId: string | null;
      status: string;
      authorUserId: string | null;
      media: { url: string; contentType: string; name: string }[];
    };
  }>('SELECT row FROM messages WHERE lead_id = $1 AND NOT deleted ORDER BY version', [leadId]);
  return rows.map((r) => r.row);
}

/** The single lead of the tenant with this phone number (the test's sender). */
export async function leadOfPhone(cloud: TestCloud, tenantId: string, phone: string) {
  const rows = await cloud.db.query<{ id: string }>(
    `SELECT id FROM leads WHERE tenant_id = $1 AND NOT deleted AND row -> 'phones' @> $2::jsonb`,
    [tenantId, JSON.stringify([{ number: phone }])],
  );
  if (rows.length !== 1) throw new Error(`${rows.length} leads with ${phone}`);
  return rows[0]!.id;
}

export async function ledgerOf(cloud: TestCloud, tenantId: string, phone: string) {
  return cloud.db.query<{
    store_id: string;
    event: string;
    how: string;
    by_user_id: string | null;
    lead_id: string | null;
    source_text: string;
  }>(
    `SELECT store_id, event, how, by_user_id, lead_id, source_text FROM consent_events
     WHERE tenant_id = $1 AND phone = $2 ORDER BY seq`,
    [tenantId, phone],
  );
}
