import type { WebSocket } from 'ws';
import type { LiveServerFrame } from '../../src-shared/sync/protocol';
import type { BusEvent } from './bus';

/** Close code for a socket whose session was signed out or revoked. */
export const CLOSE_SIGNED_OUT = 4001;

/**
 * At most one poke per tenant per window: a burst of commits (texts arriving at 100/s) pokes
 * each socket once at its start and once at its end, not once per commit, so every desktop pulls
 * once for several changes instead of the whole tenant stampeding the cloud on each.
 */
export const POKE_WINDOW_MS = 40;

/** A tenant's pokes while a window is open: the highest version heard and not yet sent. */
interface PokeWindow {
  timer: ReturnType<typeof setTimeout>;
  pending: number | null;
}

export interface LiveClient {
  socket: WebSocket;
  sessionId: string;
  userId: string;
  /**
   * While the socket is greeted (greet.ts), frames from the bus wait here: a change must not
   * arrive before the snapshot it is newer than. Null or absent: frames go out at once.
   */
  held?: LiveServerFrame[] | null;
  /** Whether this user may see a store's leads (lead locks); absent: hears of no lead. */
  seesStore?(storeId: string): boolean;
}

/**
 * The live sockets connected to this process, by tenant. It holds no state another process
 * needs: every event reaches every process through the bus, and each pokes its own sockets.
 */
export class LiveHub {
  private readonly byTenant = new Map<string, Set<LiveClient>>();
  private readonly pokeWindows = new Map<string, PokeWindow>();

  constructor(private readonly pokeWindowMs = POKE_WINDOW_MS) {}

  add(tenantId: string, client: LiveClient): () => void {
    let clients = this.byTenant.get(tenantId);
    if (!clients) this.byTenant.set(tenantId, (clients = new Set()));
    clients.add(client);
    return () => {
      clients.delete(client);
      if (clients.size === 0 && this.byTenant.get(tenantId) === clients)
        this.byTenant.delete(tenantId);
    };
  }

  get size(): number {
    let total = 0;
    for (const clients of this.byTenant.values()) total += clients.size;
    return total;
  }

  dispatch(event: BusEvent): void {
    const clients = this.byTenant.get(event.tenantId);
    if (!clients) return;
    switch (event.type) {
      case 'poke':
        this.poke(event.tenantId, event.version);
        break;
      case 'revoke':
        for (const client of clients) {
          if (event.sessionIds.includes(client.sessionId)) {
            client.socket.close(CLOSE_SIGNED_OUT, 'signed out');
          }
        }
        break;
      case 'presence':
        for (const client of clients) deliver(client, { type: 'presence', user: event.user });
        break;
      case 'offer':
        for (const client of clients) {
          if (event.userIds.includes(client.userId)) {
            deliver(client, { type: 'offer', offer: event.offer });
          }
        }
        break;
      case 'offer-closed':
        for (const client of clients) {
          if (event.userIds.includes(client.userId)) {
            deliver(client, { type: 'offer-closed', closed: event.closed });
          }
        }
        break;
      case 'lead-activity':
        for (const client of clients) {
          if (client.seesStore?.(event.lead.storeId)) {
            deliver(client, { type: 'lead-activity', lead: event.lead });
          }
        }
        break;
      case 'lead-taken-over':
        for (const client of clients) {
          if (event.userIds.includes(client.userId)) {
            deliver(client, { type: 'lead-taken-over', leadId: event.leadId, by: event.by });
          }
        }
        break;
      default:
        throw new Error(`unhandled bus event ${(event satisfies never as BusEvent).type}`);
    }
  }

  /**
   * The first poke of a quiet tenant goes out at once and opens a window; pokes heard during
   * it are folded into one, sent when it closes with the latest version (which opens the next
   * window). Versions only grow, so the last poke always carries everything: none is lost.
   */
  private poke(tenantId: string, version: number): void {
    const open = this.pokeWindows.get(tenantId);
    if (open) {
      open.pending = Math.max(open.pending ?? version, version);
      return;
    }
    this.sendPoke(tenantId, version);
    this.openPokeWindow(tenantId);
  }

  private openPokeWindow(tenantId: string): void {
    const window: PokeWindow = {
      pending: null,
      timer: setTimeout(() => {
        this.pokeWindows.delete(tenantId);
        if (window.pending === null) return;
        this.sendPoke(tenantId, window.pending);
        this.openPokeWindow(tenantId);
      }, this.pokeWindowMs),
    };
    window.timer.unref?.();
    this.pokeWindows.set(tenantId, window);
  }

  private sendPoke(tenantId: string, version: number): void {
    for (const client of this.byTenant.get(tenantId) ?? []) {
      deliver(client, { type: 'poke', version });
    }
  }

  /**
   * After the bus lost its connection events may have been missed: every socket gets, per
   * tenant, the frame that makes up for them (a poke to pull, a fresh presence snapshot).
   */
  sendToAll(
    frameOf: (tenantId: string) => Promise<LiveServerFrame>,
    /** What one client may hear of the tenant's frame (default: all of it). */
    narrow: (client: LiveClient, frame: LiveServerFrame) => LiveServerFrame = (_c, frame) => frame,
  ): void {
    for (const [tenantId, clients] of this.byTenant) {
      frameOf(tenantId).then(
        (frame) => {
          for (const client of clients) deliver(client, narrow(client, frame));
        },
        () => {},
      );
    }
  }

  closeAll(): void {
    for (const window of this.pokeWindows.values()) clearTimeout(window.timer);
    this.pokeWindows.clear();
    for (const clients of this.byTenant.values()) {
      for (const client of clients) client.socket.close(1001, 'the cloud is shutting down');
    }
    this.byTenant.clear();
  }
}

/** Sends what the greeting held back, in order, leaving out what `skip` says was sent. */
export function releaseHeld(client: LiveClient, skip: (frame: LiveServerFrame) => boolean): void {
  const held = client.held ?? [];
  client.held = null;
  for (const frame of held) if (!skip(frame)) send(client.socket, frame);
}

function deliver(client: LiveClient, frame: LiveServerFrame): void {
  if (client.held) client.held.push(frame);
  else send(client.socket, frame);
}

export function send(socket: WebSocket, frame: LiveServerFrame): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
}
