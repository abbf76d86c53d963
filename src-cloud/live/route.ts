import type { WebSocket } from 'ws';
import type { LiveClientFrame } from '../../src-shared/sync/protocol';
import type { AuthContext } from '../accounts/auth-context';
import { liveRoute } from '../http/route';
import type { CloudServices } from '../services';
import { send } from './hub';

/** Sockets that answered no ping for this long are dropped (a sleeping laptop, a dead NAT). */
const HEARTBEAT_MS = 30_000;

export const liveRoutes = [
  liveRoute({
    url: '/v1/live',
    summary:
      'WebSocket. The cloud sends {type:"poke", version} after every commit of your tenant (and one on connect): pull then. Send {type:"ping"} for {type:"pong"}.',
    access: 'agent',
    connect: connectLive,
  }),
];

function connectLive(socket: WebSocket, services: CloudServices, auth: AuthContext): void {
  const remove = services.hub.add(auth.tenantId, {
    socket,
    sessionId: auth.sessionId,
    userId: auth.userId,
  });
  let alive = true;
  const heartbeat = setInterval(() => {
    if (!alive) return socket.terminate();
    alive = false;
    socket.ping();
  }, HEARTBEAT_MS);
  heartbeat.unref();
  socket.on('pong', () => (alive = true));
  socket.on('close', () => {
    clearInterval(heartbeat);
    remove();
  });
  socket.on('message', (data) => {
    alive = true;
    const frame = parseFrame(String(data));
    if (!frame) return socket.close(1008, 'unknown frame: expected {"type":"ping"}');
    if (frame.type === 'ping') send(socket, { type: 'pong' });
  });

  // A first poke with the current version: a client that missed pokes while away pulls now.
  services.db
    .query<{ clock: number }>('SELECT clock FROM tenants WHERE id = $1', [auth.tenantId])
    .then(([tenant]) => send(socket, { type: 'poke', version: tenant?.clock ?? 0 }))
    .catch((error: unknown) => services.log.error({ err: error }, 'first poke failed'));
}

function parseFrame(text: string): LiveClientFrame | null {
  try {
    const frame = JSON.parse(text) as { type?: unknown };
    return frame.type === 'ping' ? { type: 'ping' } : null;
  } catch {
    return null;
  }
}
