import type { WebSocket } from 'ws';
import { canSeeStore, type AuthContext } from '../accounts/auth-context';
import { liveRoute } from '../http/route';
import { SocketLeads } from '../lead-locks/socket-leads';
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
      'WebSocket. The cloud sends {type:"poke", version} after every commit of your tenant (and one on connect), then {type:"presence-snapshot", users}, every offer ringing for you and {type:"lead-activity-snapshot", leads}; later {type:"presence"}, {type:"offer"}, {type:"offer-closed"}, {type:"lead-activity", lead}, {type:"lead-taken-over", leadId, by} and {type:"lead-refused", leadId, code, message}. Send {type:"ping"} for {type:"pong"}, {type:"presence", deviceId, state, reason} on connect and on every change, {type:"lead-view", leadId|null} when a lead opens or closes and every 10 s while it is open (a view not renewed for 30 s lapses), {type:"lead-typing", leadId, typing} and (managers) {type:"lead-take-over", leadId}. A malformed frame is dropped (and logged); the socket stays up.',
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
    seesStore: (storeId) => canSeeStore(auth, storeId),
  };
  const remove = services.hub.add(auth.tenantId, client);
  const presence = new SocketPresence(services, { tenantId: auth.tenantId, userId: auth.userId });
  const leads = new SocketLeads(services, auth, (refused) =>
    send(socket, { type: 'lead-refused', ...refused }),
  );
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
    leads.closed();
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
        leads.presence(frame.state);
        return presence.report(frame.deviceId, frame);
      case 'lead-view':
        presence.heard();
        return leads.view(frame.leadId);
      case 'lead-typing':
        presence.heard();
        return leads.typing(frame.leadId, frame.typing);
      case 'lead-take-over':
        presence.heard();
        return leads.takeOver(frame.leadId);
      default:
        throw new Error(`unhandled live frame ${(frame satisfies never as { type: string }).type}`);
    }
  });

  greet(client, services, auth).catch((error: unknown) => {
    releaseHeld(client, () => false);
    services.log.error({ err: error }, 'greeting a live socket failed');
  });
}
