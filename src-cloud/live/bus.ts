import type { Queryable } from '../db/db';

/**
 * What one cloud process tells every other (and itself) through PostgreSQL LISTEN/NOTIFY:
 * a NOTIFY sent inside a transaction is delivered when, and only if, it commits, so a desktop
 * is never poked for a change it cannot pull yet. Later issues add their ephemeral events
 * (presence, offers, locks, typing) to this union and handle them in the hub.
 */
export type BusEvent =
  | { type: 'poke'; tenantId: string; version: number }
  /** Signed out, password changed, user disabled: their live sockets close. */
  | { type: 'revoke'; tenantId: string; sessionIds: string[] };

export const BUS_CHANNEL = 'showroom_live';

export async function publish(q: Queryable, event: BusEvent): Promise<void> {
  await q.query('SELECT pg_notify($1, $2)', [BUS_CHANNEL, JSON.stringify(event)]);
}

export function parseBusEvent(payload: string): BusEvent | null {
  try {
    const event = JSON.parse(payload) as BusEvent;
    return typeof event === 'object' && event !== null && typeof event.tenantId === 'string'
      ? event
      : null;
  } catch {
    return null;
  }
}
