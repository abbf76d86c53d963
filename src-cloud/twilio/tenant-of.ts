import type { Queryable } from '../db/db';
import { Store } from '../../src-shared/domain/tenant';

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
