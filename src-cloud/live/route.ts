import type { WebSocket } from 'ws';
import type { AuthContext } from '../accounts/auth-context';
import { liveRoute } from '../http/route';
import { SocketPresence } from '../presence/socket-presence';
import type { CloudServices } from '../services';
import { parseClientFrame } from './client-frame';
import { greet } from './greet';
import { releaseHeld, send, type LiveClient } from './hub';

/** Sockets that answered no ping for this long are dropped (a sleeping laptop, a dead NAT). */
const HEARTBEAT_MS = 30_000;

export const liveRoutes = [
  liveRoute({
    url: '/v1/live',
    summary:
      'WebSocket. The cloud sends {type:"poke", version} after every commit of your tenant (and one on connect), then {type:"presence-snapshot", users} and every offer ringing for you; later {type:"presence"}, {type:"offer"}, {type:"offer-closed"}. Send {type:"ping"} for {type:"pong"}, and {type:"presence", deviceId, state, reason} on connect and on every change. A malformed frame is dropped (and logged); the socket stays up.',
    access: 'agent',
    connect: connectLive,
  }),
];

function connectLive(socket: WebSocket, services: CloudServices, auth: AuthContext): void {
  const client: LiveClient = {
    socket,
    sessionId: auth.sessionId,
    userId: auth.userId,
    held: [],
  };
  const remove = services.hub.add(auth.tenantId, client);
  const presence = new SocketPresence(services, { tenantId: auth.tenantId, userId: auth.userId });
  let alive = true;
  const heartbeat = setInterval(() => {
    if (!alive) return socket.terminate();
    alive = false;
    socket.ping();
  }, HEARTBEAT_MS);
  heartbeat.unref();
  socket.on('pong', () => {
    alive = true;
    presence.heard();
  });
  socket.on('close', () => {
    clearInterval(heartbeat);
    remove();
  });
  socket.on('message', (data) => {
    alive = true;
    const parsed = parseClientFrame(String(data));
    if (!parsed.ok) {
      const { reason, bytes, type } = parsed;
      services.log.warn(
        { tenantId: auth.tenantId, userId: auth.userId, reason, bytes, frameType: type },
        'live frame dropped',
      );
      return presence.heard();
    }
    const frame = parsed.frame;
    switch (frame.type) {
      case 'ping':
        presence.heard();
        return send(socket, { type: 'pong' });
      case 'presence':
        return presence.report(frame.deviceId, frame);
      default:
        throw new Error(`unhandled live frame ${(frame satisfies never as { type: string }).type}`);
    }
  });

  greet(client, services, auth).catch((error: unknown) => {
    releaseHeld(client, () => false);
    services.log.error({ err: error }, 'greeting a live socket failed');
  });
}
