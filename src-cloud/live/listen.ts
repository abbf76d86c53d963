import type { SessionCache } from '../accounts/session-cache';
import type { Db } from '../db/db';
import { BUS_CHANNEL, parseBusEvent } from './bus';
import type { LiveHub } from './hub';

/**
 * Feeds every event on the bus, from any cloud process, to this process: pokes to its live
 * sockets, revocations to its sockets and its session cache. After a lost connection, events
 * may have been missed: every socket is poked and the session cache emptied.
 */
export function listenToBus(
  db: Db,
  hub: LiveHub,
  sessions: SessionCache,
): Promise<() => Promise<void>> {
  return db.listen(
    BUS_CHANNEL,
    (payload) => {
      const event = parseBusEvent(payload);
      if (!event) return;
      if (event.type === 'revoke') sessions.forgetSessions(event.sessionIds);
      hub.dispatch(event);
    },
    () => {
      sessions.clear();
      hub.pokeAll(async (tenantId) => {
        const [tenant] = await db.query<{ clock: number }>(
          'SELECT clock FROM tenants WHERE id = $1',
          [tenantId],
        );
        return tenant?.clock ?? 0;
      });
    },
  );
}
