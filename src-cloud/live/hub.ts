import type { WebSocket } from 'ws';
import type { LiveServerFrame } from '../../src-shared/sync/protocol';
import type { BusEvent } from './bus';

/** Close code for a socket whose session was signed out or revoked. */
export const CLOSE_SIGNED_OUT = 4001;

interface LiveClient {
  socket: WebSocket;
  sessionId: string;
  userId: string;
}

/**
 * The live sockets connected to this process, by tenant. It holds no state another process
 * needs: every event reaches every process through the bus, and each pokes its own sockets.
 */
export class LiveHub {
  private readonly byTenant = new Map<string, Set<LiveClient>>();

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
        for (const client of clients) send(client.socket, { type: 'poke', version: event.version });
        break;
      case 'revoke':
        for (const client of clients) {
          if (event.sessionIds.includes(client.sessionId)) {
            client.socket.close(CLOSE_SIGNED_OUT, 'signed out');
          }
        }
        break;
      default:
        throw new Error(`unhandled bus event ${(event satisfies never as BusEvent).type}`);
    }
  }

  /** After the bus lost its connection: pokes may have been missed, so every client pulls. */
  pokeAll(versionOf: (tenantId: string) => Promise<number>): void {
    for (const [tenantId, clients] of this.byTenant) {
      versionOf(tenantId).then(
        (version) => {
          for (const client of clients) send(client.socket, { type: 'poke', version });
        },
        () => {},
      );
    }
  }

  closeAll(): void {
    for (const clients of this.byTenant.values()) {
      for (const client of clients) client.socket.close(1001, 'the cloud is shutting down');
    }
    this.byTenant.clear();
  }
}

export function send(socket: WebSocket, frame: LiveServerFrame): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
}
