/**
 * The live socket carries presence and offers besides pokes (DESIGN §4, issue 3): each server
 * frame reaches the core, a malformed one is dropped and logged while the socket stays up, and
 * the desk's own presence goes out on it. A small `ws` server plays the cloud's /v1/live.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, test } from 'vitest';
import type WebSocket from 'ws';
import { WebSocketServer } from 'ws';
import type { CoreLogEntry } from '../../../src-main/core/log';
import { LiveConnection } from '../../../src-main/sync/live-connection';
import type { LiveStateFrame } from '../../../src-main/sync/live-frames';
import { realTimers } from '../../../src-main/sync/timers';

interface FakeLive {
  url: string;
  /** Client frames received, parsed. */
  received: unknown[];
  /** The sockets, newest last. */
  sockets: WebSocket[];
  connected(count: number): Promise<WebSocket>;
  heard(count: number): Promise<void>;
  close(): Promise<void>;
}

let live: FakeLive | null = null;
let connection: LiveConnection | null = null;
afterEach(async () => {
  connection?.stop();
  await live?.close();
  live = null;
  connection = null;
});

async function fakeLive(): Promise<FakeLive> {
  const http: Server = createServer((_req, res) => res.writeHead(404).end());
  const wss = new WebSocketServer({ noServer: true });
  const received: unknown[] = [];
  const sockets: WebSocket[] = [];
  const waiters = new Set<() => void>();
  const wake = () => waiters.forEach((waiter) => waiter());
  const until = (check: () => boolean) =>
    new Promise<void>((resolve) => {
      const attempt = () => check() && (waiters.delete(attempt), resolve(), true);
      if (!attempt()) waiters.add(attempt);
    });
  http.on('upgrade', (req, socket, head) => {
    if (req.url !== '/v1/live' || req.headers.authorization !== 'Bearer t0ken') {
      socket.end('HTTP/1.1 401 Unauthorized\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.push(ws);
      ws.on('message', (data) => {
        received.push(JSON.parse(String(data)));
        wake();
      });
      wake();
    });
  });
  await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    sockets,
    async connected(count) {
      await until(() => sockets.length >= count);
      return sockets[count - 1]!;
    },
    heard: (count) => until(() => received.length >= count),
    async close() {
      for (const ws of sockets) ws.terminate();
      wss.close();
      http.closeAllConnections();
      await new Promise<void>((done) => http.close(() => done()));
    },
  };
}

/** Connects like a session does, saying its presence each time the socket opens. */
function connect(url: string) {
  const statuses: string[] = [];
  const frames: LiveStateFrame[] = [];
  const pokes: number[] = [];
  const logs: CoreLogEntry[] = [];
  const waiters = new Set<() => void>();
  const wake = () => waiters.forEach((waiter) => waiter());
  const until = (check: () => boolean) =>
    new Promise<void>((resolve) => {
      const attempt = () => check() && (waiters.delete(attempt), resolve(), true);
      if (!attempt()) waiters.add(attempt);
    });
  const presence = {
    type: 'presence',
    deviceId: 'device-1',
    state: 'online',
    reason: 'active',
  } as const;
  const made: LiveConnection = new LiveConnection({
    baseUrl: url,
    token: 't0ken',
    host: new URL(url).host,
    timers: realTimers,
    backoff: { firstMs: 20, maxMs: 100 },
    events: {
      changed: () => wake(),
      poke: (version) => {
        pokes.push(version);
        wake();
      },
      signedOut: () => undefined,
    },
    hooks: {
      status: (status) => {
        statuses.push(status);
        if (status === 'up') void made.send(presence);
        wake();
      },
      frame: (frame) => {
        frames.push(frame);
        wake();
      },
      farewell: () => null,
    },
    log: (entry) => {
      logs.push(entry);
      wake();
    },
  });
  connection = made;
  made.start();
  return { connection: made, statuses, frames, pokes, logs, until };
}

const user = { userId: 'user-ana', state: 'away', reason: 'idle', since: 1_700_000_000_000 };
const offer = {
  offerId: 'offer-1',
  leadId: 'lead-1',
  leadName: 'Pat Customer',
  phone: null,
  storeId: 'store-a',
  storeName: 'Downtown Motors',
  source: 'Chat',
  firstMessage: 'Hi',
  createdAt: 1_700_000_000_000,
  expiresAt: 1_700_000_060_000,
};

test('presence and offer frames reach the core; our presence goes out on each connect', async () => {
  live = await fakeLive();
  const client = connect(live.url);
  const socket = await live.connected(1);
  await live.heard(1);
  expect(live.received).toEqual([
    { type: 'presence', deviceId: 'device-1', state: 'online', reason: 'active' },
  ]);

  socket.send(JSON.stringify({ type: 'presence-snapshot', users: [user] }));
  socket.send(JSON.stringify({ type: 'presence', user }));
  socket.send(JSON.stringify({ type: 'offer', offer }));
  socket.send(
    JSON.stringify({
      type: 'offer-closed',
      closed: { offerId: 'offer-1', leadId: 'lead-1', outcome: 'missed', acceptedBy: null },
    }),
  );
  await client.until(() => client.frames.length === 4);
  expect(client.frames.map((frame) => frame.type)).toEqual([
    'presence-snapshot',
    'presence',
    'offer',
    'offer-closed',
  ]);
  expect(client.frames[2]).toEqual({ type: 'offer', offer });

  // Dropped: the socket breaks, it comes back, and says the presence again.
  socket.terminate();
  await live.connected(2);
  await live.heard(2);
  expect(live.received[1]).toEqual(live.received[0]);
  expect(client.statuses).toEqual(['connecting', 'up', 'connecting', 'up']);

  client.connection.stop();
  expect(client.statuses.at(-1)).toBe('stopped');
});

test('malformed frames are dropped and logged without their content; the socket stays up', async () => {
  live = await fakeLive();
  const client = connect(live.url);
  const socket = await live.connected(1);

  socket.send('{not json');
  socket.send(JSON.stringify({ type: 'presence', user: { ...user, state: 'sleeping' } }));
  socket.send(JSON.stringify({ type: 'offer', offer: { ...offer, leadName: 42 } }));
  socket.send(JSON.stringify({ type: 'teleport', where: 'Mars' }));
  socket.send(JSON.stringify({ type: 'poke', version: 7 }));
  socket.send(JSON.stringify({ type: 'offer', offer }));

  await client.until(() => client.frames.length === 1 && client.pokes.length === 1);
  expect(client.pokes).toEqual([7]);
  expect(client.frames).toEqual([{ type: 'offer', offer }]);
  expect(client.logs).toHaveLength(4);
  for (const entry of client.logs) {
    expect(entry).toMatchObject({ level: 'warn', what: 'dropped a live frame from the cloud' });
  }
  expect(client.logs.map((entry) => entry.detail)).toEqual([
    expect.stringContaining('not JSON'),
    expect.stringContaining('user.state'),
    expect.stringContaining('offer.leadName'),
    expect.stringContaining('"teleport"'),
  ]);
  // Names and messages never reach the log.
  expect(JSON.stringify(client.logs)).not.toMatch(/Pat Customer|Mars/);
  expect(live.sockets).toHaveLength(1);
  expect(client.connection.up).toBe(true);
});

test('nothing is said while the socket is down', async () => {
  live = await fakeLive();
  const url = live.url;
  await live.close();
  live = null;
  const client = connect(url);
  expect(
    await client.connection.send({
      type: 'presence',
      deviceId: 'device-1',
      state: 'away',
      reason: 'manual',
    }),
  ).toBe(false);
});
