import type { Db } from '../db/db';
import { BUS_CHANNEL, parseBusEvent } from './bus';
import type { LiveHub } from './hub';

/** Feeds every event on the bus, from any cloud process, to this process's live sockets. */
export function listenToBus(db: Db, hub: LiveHub): Promise<() => Promise<void>> {
  return db.listen(
    BUS_CHANNEL,
    (payload) => {
      const event = parseBusEvent(payload);
      if (event) hub.dispatch(event);
    },
    () =>
      hub.pokeAll(async (tenantId) => {
        const [tenant] = await db.query<{ clock: number }>('SELECT clock FROM tenants WHERE id = $1', [tenantId]);
        return tenant?.clock ?? 0;
      }),
  );
}
