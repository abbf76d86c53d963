import type { Queryable } from '../db/db';
import type { SecretBox } from '../secrets/secret-box';

/** A dealer group's Twilio credentials: the cloud's alone, never sent to a desktop or logged. */
export interface TwilioAccount {
  accountSid: string;
  authToken: string;
}

const ACCOUNT_SID = /^AC[0-9a-fA-F]{32}$/;

/** The problem with credentials an admin typed, or null when they look like Twilio's. */
export function twilioAccountProblem(account: TwilioAccount): string | null {
  if (!ACCOUNT_SID.test(account.accountSid)) {
    return 'accountSid: a Twilio account SID is "AC" and 32 hexadecimal digits';
  }
  if (!/^[0-9a-zA-Z]{16,64}$/.test(account.authToken)) {
    return 'authToken: a Twilio auth token is 32 letters and digits';
  }
  return null;
}

export async function saveTwilioAccount(
  db: Queryable,
  box: SecretBox,
  tenantId: string,
  account: TwilioAccount,
  now: number,
): Promise<void> {
  await db.query(
    `INSERT INTO twilio_accounts (tenant_id, account_sid, auth_token_sealed, updated_at)
       VALUES ($1, $2, $3, $4)
     ON CONFLICT (tenant_id) DO UPDATE
       SET account_sid = EXCLUDED.account_sid, auth_token_sealed = EXCLUDED.auth_token_sealed,
           updated_at = EXCLUDED.updated_at`,
    [tenantId, account.accountSid, box.seal(account.authToken), now],
  );
}

/** The tenant's account, or null when the dealer group has not connected Twilio. */
export async function loadTwilioAccount(
  db: Queryable,
  box: SecretBox,
  tenantId: string,
): Promise<TwilioAccount | null> {
  const [row] = await db.query<SealedAccountRow>(
    'SELECT account_sid, auth_token_sealed FROM twilio_accounts WHERE tenant_id = $1',
    [tenantId],
  );
  return row ? openedAccount(box, row) : null;
}

/** The columns of twilio_accounts a query read (loadTwilioAccount's, or a join's). */
export interface SealedAccountRow {
  account_sid: string;
  auth_token_sealed: string;
}

export function openedAccount(box: SecretBox, row: SealedAccountRow): TwilioAccount {
  return { accountSid: row.account_sid, authToken: opened(box, row.auth_token_sealed) };
}

/**
 * Every webhook checks its signature with the tenant's token: each sealed token is opened once
 * per box (so per key), not once per webhook. Keyed by the sealed text, which a new token
 * changes (a fresh IV each seal): a rotated token is never answered from here.
 */
const openedTokens = new WeakMap<SecretBox, Map<string, string>>();
const OPENED_TOKENS_MAX = 1000;

function opened(box: SecretBox, sealed: string): string {
  let tokens = openedTokens.get(box);
  if (!tokens) openedTokens.set(box, (tokens = new Map()));
  let plain = tokens.get(sealed);
  if (plain === undefined) {
    plain = box.open(sealed);
    if (tokens.size >= OPENED_TOKENS_MAX) tokens.clear();
    tokens.set(sealed, plain);
  }
  return plain;
}
