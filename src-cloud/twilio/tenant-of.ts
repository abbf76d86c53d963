import type { Queryable } from '../db/db';
import type { SecretBox } from '../secrets/secret-box';
import { Store } from '../../src-shared/domain/tenant';
import { openedAccount, type SealedAccountRow, type TwilioAccount } from './account';

/** Which of a store's numbers a webhook's `To` is: texts come to one, calls to any. */
export type StoreNumberKind = 'textingNumber' | 'mainPhone' | 'leadCallsNumber';

/**
 * The store whose number this is, and so the tenant whose Twilio account signs its webhooks.
 * A Twilio number belongs to one account, so at most one store has it.
 */
export async function storeOfNumber(
  db: Queryable,
  e164: string,
  kinds: readonly StoreNumberKind[] = ['textingNumber'],
): Promise<Store | null> {
  const [row] = await db.query<{ row: string }>(
    `SELECT row::text AS row FROM stores WHERE NOT deleted
       AND (${kinds.map((kind) => `row ->> '${kind}' = $1`).join(' OR ')})
     ORDER BY version LIMIT 1`,
    [e164],
  );
  return row ? parsedStore(row.row) : null;
}

/**
 * The store that texts from this number and its dealer group's Twilio account (null: not
 * connected), in one round trip: every inbound text asks both before anything else.
 */
export async function textingStoreOf(
  db: Queryable,
  box: SecretBox,
  e164: string,
): Promise<{ store: Store; account: TwilioAccount | null } | null> {
  const [row] = await db.query<{ row: string } & Partial<SealedAccountRow>>(
    `SELECT s.row::text AS row, a.account_sid, a.auth_token_sealed
     FROM stores s LEFT JOIN twilio_accounts a ON a.tenant_id = s.tenant_id
     WHERE NOT s.deleted AND s.row ->> 'textingNumber' = $1
     ORDER BY s.version LIMIT 1`,
    [e164],
  );
  if (!row) return null;
  const { account_sid, auth_token_sealed } = row;
  const account =
    account_sid && auth_token_sealed
      ? openedAccount(box, { account_sid, auth_token_sealed })
      : null;
  return { store: parsedStore(row.row), account };
}

/**
 * Every webhook reads its store: the same row, checked once per distinct text rather than once
 * per text (a store's schema check costs more than the query). Keyed by the row's own JSON, so a
 * changed store, however it was changed, is checked afresh: nothing stale is ever answered.
 */
const checkedStores = new Map<string, Store>();
const CHECKED_STORES_MAX = 500;

function parsedStore(json: string): Store {
  let store = checkedStores.get(json);
  if (!store) {
    store = Store.parse(JSON.parse(json));
    if (checkedStores.size >= CHECKED_STORES_MAX) checkedStores.clear();
    checkedStores.set(json, store);
  }
  return store;
}

/** The tenant with this Twilio account SID (status callbacks carry it). */
export async function tenantOfAccountSid(
  db: Queryable,
  accountSid: string,
): Promise<string | null> {
  const [row] = await db.query<{ tenant_id: string }>(
    'SELECT tenant_id FROM twilio_accounts WHERE account_sid = $1 ORDER BY tenant_id LIMIT 1',
    [accountSid],
  );
  return row?.tenant_id ?? null;
}
