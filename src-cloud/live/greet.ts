import type { OfferAlert } from '../../src-shared/presence/offer-alert';
import type { AuthContext } from '../accounts/auth-context';
import { leadActivitySnapshot, narrowSnapshot } from '../lead-locks/snapshot';
import { tenantPresence } from '../presence/tenant-presence';
import type { CloudServices } from '../services';
import { releaseHeld, send, type LiveClient } from './hub';

/**
 * What a socket hears first, in this order: a poke with the current version (a client that
 * missed pokes while away pulls now), everyone's presence, every offer still ringing for
 * this user (a desk that reconnects mid-ring rings again), and who is in which lead. Then what the bus brought meanwhile,
 * held back until now so that no change arrives before the snapshot it is newer than.
 */
export async function greet(
  client: LiveClient,
  services: CloudServices,
  auth: AuthContext,
): Promise<void> {
  const { socket } = client;
  const [tenant] = await services.db.query<{ clock: number }>(
    'SELECT clock FROM tenants WHERE id = $1',
    [auth.tenantId],
  );
  send(socket, { type: 'poke', version: tenant?.clock ?? 0 });

  send(socket, {
    type: 'presence-snapshot',
    users: await tenantPresence(services.db, auth.tenantId),
  });

  const offers = await services.db.query<{ alert: OfferAlert }>(
    `SELECT alert FROM offers
     WHERE tenant_id = $1 AND status = 'open' AND $2 = ANY(agent_ids) AND expires_at > $3
     ORDER BY created_at`,
    [auth.tenantId, auth.userId, services.now()],
  );
  for (const { alert } of offers) send(socket, { type: 'offer', offer: alert });

  // Who is in which lead; what changed since comes in the held frames, each a lead's whole state.
  send(socket, narrowSnapshot(client, await leadActivitySnapshot(services.db, auth.tenantId)));

  const rung = new Set(offers.map(({ alert }) => alert.offerId));
  releaseHeld(client, (frame) => frame.type === 'offer' && rung.has(frame.offer.offerId));
}
