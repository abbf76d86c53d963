import type { TwilioAccount } from '../../../../src-cloud/twilio/account';
import { saveTwilioAccount } from '../../../../src-cloud/twilio/account';
import type { TestCloud } from './test-cloud';

/** Numbers a test gives a store: its texting number, main phone, lead-calls forwarding number. */
export interface StoreNumbers {
  textingNumber?: string | null;
  mainPhone?: string | null;
  leadCallsNumber?: string | null;
}

let accounts = 0;

/** A fresh, Twilio-shaped account (SID and token differ for every call). */
export function testTwilioAccount(): TwilioAccount {
  const n = (++accounts).toString(16).padStart(4, '0');
  return { accountSid: `AC${n.repeat(8)}`, authToken: `${n}`.repeat(8) };
}

/** Connects the tenant to a Twilio account and gives one of its stores numbers. */
export async function connectTwilio(
  cloud: TestCloud,
  tenantId: string,
  storeId: string,
  numbers: StoreNumbers,
  account: TwilioAccount = testTwilioAccount(),
): Promise<TwilioAccount> {
  await saveTwilioAccount(cloud.db, cloud.services.secrets, tenantId, account, Date.now());
  await cloud.db.query(
    `UPDATE stores SET row = row || $3::jsonb WHERE tenant_id = $1 AND id = $2`,
    [tenantId, storeId, JSON.stringify(numbers)],
  );
  return account;
}
