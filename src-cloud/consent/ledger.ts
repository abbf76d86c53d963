import type { Queryable } from '../db/db';

/** Who or what changed a number's consent: a person (with their id) or the customer's own text. */
export const CONSENT_HOW = [
  'customer keyword',
  'customer free text',
  'twilio 21610',
  'agent',
  'manager',
] as const;
export type ConsentHow = (typeof CONSENT_HOW)[number];

export type ConsentEvent = 'opt_out' | 'opt_in';

/** One line of the consent ledger (migration 0009 `consent_events`). */
export interface ConsentEntry {
  tenantId: string;
  storeId: string;
  /** E.164. */
  phone: string;
  event: ConsentEvent;
  at: number;
  how: ConsentHow;
  /** The person who did it; null for the customer's keyword or words, or Twilio's 21610. */
  byUserId: string | null;
  leadId: string | null;
  /** What made it: the customer's message, the agent's reason, Twilio's error. */
  sourceText: string;
}

/**
 * Appends to the ledger, in the caller's transaction: the lead's status and the ledger change
 * together or not at all.
 */
export async function recordConsent(tx: Queryable, entry: ConsentEntry): Promise<void> {
  await tx.query(
    `INSERT INTO consent_events
       (tenant_id, store_id, phone, event, at, how, by_user_id, lead_id, source_text)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      entry.tenantId,
      entry.storeId,
      entry.phone,
      entry.event,
      entry.at,
      entry.how,
      entry.byUserId,
      entry.leadId,
      entry.sourceText,
    ],
  );
}

/** The same change for each of a lead's numbers (a lead may have several phones). */
export async function recordConsentForPhones(
  tx: Queryable,
  phones: readonly string[],
  entry: Omit<ConsentEntry, 'phone'>,
): Promise<void> {
  for (const phone of new Set(phones)) await recordConsent(tx, { ...entry, phone });
}

/**
 * True when the store may not text this number: its latest ledger event is an opt-out. Whatever
 * lead the number is on: a second lead with the same number is as blocked as the first.
 */
export async function isNumberOptedOut(
  tx: Queryable,
  tenantId: string,
  storeId: string,
  e164: string,
): Promise<boolean> {
  const [latest] = await tx.query<{ event: ConsentEvent }>(
    `SELECT event FROM consent_events WHERE tenant_id = $1 AND store_id = $2 AND phone = $3
     ORDER BY seq DESC LIMIT 1`,
    [tenantId, storeId, e164],
  );
  return latest?.event === 'opt_out';
}
