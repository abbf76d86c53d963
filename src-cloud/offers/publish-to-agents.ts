import type { OfferAlert, OfferClosed } from '../../src-shared/presence/offer-alert';
import type { Queryable } from '../db/db';
import { publish } from '../live/bus';

/**
 * A NOTIFY payload must stay under 8000 bytes: 100 ids (~3.9 kB) plus an alert whose texts are
 * previews (well under 3 kB) fit, and an offer to a big BDC goes out as several events.
 */
const USERS_PER_EVENT = 100;

function chunks(userIds: readonly string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < userIds.length; i += USERS_PER_EVENT)
    out.push(userIds.slice(i, i + USERS_PER_EVENT));
  return out;
}

/** Rings these agents' desks once the transaction commits. */
export async function publishOffer(
  q: Queryable,
  tenantId: string,
  userIds: readonly string[],
  offer: OfferAlert,
): Promise<void> {
  for (const part of chunks(userIds))
    await publish(q, { type: 'offer', tenantId, userIds: part, offer });
}

/** Closes the alert at every desk the offer rang at once the transaction commits. */
export async function publishOfferClosed(
  q: Queryable,
  tenantId: string,
  userIds: readonly string[],
  closed: OfferClosed,
): Promise<void> {
  for (const part of chunks(userIds))
    await publish(q, { type: 'offer-closed', tenantId, userIds: part, closed });
}
