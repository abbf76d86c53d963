import type { SessionCache } from '../accounts/session-cache';
import type { Db } from '../db/db';
import { leadActivitySnapshot, narrowSnapshot } from '../lead-locks/snapshot';
import { tenantPresence } from '../presence/tenant-presence';
import { BUS_CHANNEL, parseBusEvent } from './bus';
import type { LiveHub } from './hub';

/**
 * Feeds every event on the bus, from any cloud process, to this process: pokes, presence and
 * offers to its live sockets, revocations to its sockets and its session cache. After a lost
 * connection, events may have been missed: every socket is poked and sent fresh presence and
 * lead activity snapshots, and the session cache emptied. (An offer missed then rings at the next connect.)
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
      hub.sendToAll(async (tenantId) => {
        const [tenant] = await db.query<{ clock: number }>(
          'SELECT clock FROM tenants WHERE id = $1',
          [tenantId],
        );
        return { type: 'poke', version: tenant?.clock ?? 0 };
      });
      hub.sendToAll(async (tenantId) => ({
        type: 'presence-snapshot',
        users: await tenantPresence(db, tenantId),
      }));
      hub.sendToAll((tenantId) => leadActivitySnapshot(db, tenantId), narrowSnapshot);
    },
  );
}
