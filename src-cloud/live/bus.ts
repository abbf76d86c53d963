import type { Queryable } from '../db/db';
import type { LeadActivity, LeadPerson } from '../../src-shared/presence/lead-activity';
import type { OfferAlert, OfferClosed } from '../../src-shared/presence/offer-alert';
import type { UserPresence } from '../../src-shared/presence/presence';

/**
 * What one cloud process tells every other (and itself) through PostgreSQL LISTEN/NOTIFY:
 * a NOTIFY sent inside a transaction is delivered when, and only if, it commits, so a desktop
 * is never poked for a change it cannot pull yet. Later issues add their ephemeral events
 * (presence, offers, locks, typing) to this union and handle them in the hub.
 */
export type BusEvent =
  | { type: 'poke'; tenantId: string; version: number }
  /** Signed out, password changed, user disabled: their live sockets close. */
  | { type: 'revoke'; tenantId: string; sessionIds: string[] }
  /** A user's presence changed: every socket of the tenant hears it (the Agents panel). */
  | { type: 'presence'; tenantId: string; user: UserPresence }
  /** A lead rings: only the sockets of these users hear it. */
  | { type: 'offer'; tenantId: string; userIds: string[]; offer: OfferAlert }
  /** An offer was accepted or missed: only the sockets of the users it rang for hear it. */
  | { type: 'offer-closed'; tenantId: string; userIds: string[]; closed: OfferClosed }
  /** Who is in a lead changed: the sockets that may see its store hear its whole state. */
  | { type: 'lead-activity'; tenantId: string; lead: LeadActivity }
  /** A manager took a lead over: the former holder's sockets hear it. */
  | {
      type: 'lead-taken-over';
      tenantId: string;
      userIds: string[];
      leadId: string;
      by: LeadPerson;
    };

export const BUS_CHANNEL = 'showroom_live';

export async function publish(q: Queryable, event: BusEvent): Promise<void> {
  await q.query('SELECT pg_notify($1, $2)', [BUS_CHANNEL, JSON.stringify(event)]);
}

const EVENT_TYPES: ReadonlySet<string> = new Set<BusEvent['type']>([
  'poke',
  'revoke',
  'presence',
  'offer',
  'offer-closed',
  'lead-activity',
  'lead-taken-over',
]);

/** Null for what is not an event this process knows (a newer process may send new kinds). */
export function parseBusEvent(payload: string): BusEvent | null {
  try {
    const event = JSON.parse(payload) as BusEvent;
    return typeof event === 'object' &&
      event !== null &&
      typeof event.tenantId === 'string' &&
      EVENT_TYPES.has(event.type)
      ? event
      : null;
  } catch {
    return null;
  }
}
