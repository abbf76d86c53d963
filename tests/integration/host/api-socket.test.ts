import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createConsoleClient, NO_FILTERS } from '../../../src-shared';
import {
  createWebSocketTransport,
  MAX_FRAME_BYTES,
} from '../../../src-shared/console-api/ws-transport';
import { openApiSocket, signIn, startTestHost, upgradeStatus, type TestHost } from './host-fixture';

let running: TestHost | null = null;
afterEach(async () => {
  await running?.dispose();
  running = null;
});
async function start(): Promise<TestHost> {
  running = await startTestHost();
  return running;
}

const isAnswer = (id: unknown) => (frame: Record<string, unknown>) => frame.id === id;
type Answer = {
  result: { ok: boolean; value?: unknown; error?: { code: string; message: string } };
};

describe('the ConsoleApi WebSocket admits only the signed-in page', () => {
  it('refuses a socket without the session cookie', async () => {
    const { host } = await start();
    expect(await upgradeStatus(host, { Origin: host.origin })).toBe(401);
  });

  it('refuses a socket from another origin, or with none, even with the cookie', async () => {
    const { host } = await start();
    const cookie = await signIn(host);
    expect(await upgradeStatus(host, { Cookie: cookie, Origin: 'http://evil.test' })).toBe(403);
    expect(await upgradeStatus(host, { Cookie: cookie, Origin: 'http://127.0.0.1:1' })).toBe(403);
    expect(await upgradeStatus(host, { Cookie: cookie })).toBe(403);
    expect(await upgradeStatus(host, { Cookie: cookie, Origin: host.origin })).toBe(101);
  });
});

describe('the ConsoleApi over the WebSocket', () => {
  it('answers a call with its ApiResult under the same id', async () => {
    const { host } = await start();
    const api = await openApiSocket(host, await signIn(host));
    api.send({ id: 'a1', method: 'getReplicaHealth', args: {} });
    expect(await api.frame(isAnswer('a1'))).toEqual({
      id: 'a1',
      result: { ok: true, value: { state: 'ok' } },
    });
  });

  it('names the problem in a malformed frame or wrong arguments, and keeps the socket open', async () => {
    const { host } = await start();
    const api = await openApiSocket(host, await signIn(host));

    api.send('{"id": 1, "method": ');
    const notJson = (await api.frame((f) => f.id === null)) as unknown as Answer;
    expect(notJson.result.error?.code).toBe('invalid_arguments');
    expect(notJson.result.error?.message).toContain('not valid JSON');

    api.send({ id: 2, args: {} });
    const noMethod = (await api.frame(isAnswer(2))) as unknown as Answer;
    expect(noMethod.result.error?.message).toContain('method is missing');

    api.send({ id: 3, method: 'getThread', args: { leadId: 'x', before: null, limit: 'x' } });
    const wrongArgs = (await api.frame(isAnswer(3))) as unknown as Answer;
    expect(wrongArgs.result.error?.code).toBe('invalid_arguments');
    expect(wrongArgs.result.error?.message).toContain('limit');

    api.send({ id: 4, method: 'dropEverything', args: {} });
    expect(((await api.frame(isAnswer(4))) as unknown as Answer).result.error?.code).toBe(
      'unknown_method',
    );

    api.send({ id: 5, method: 'getReplicaHealth', args: {} });
    expect(((await api.frame(isAnswer(5))) as unknown as Answer).result.ok).toBe(true);
    expect(api.socket.readyState).toBe(WebSocket.OPEN);
  });

  it('closes the socket on a frame over the limit (an attachment with room to spare)', async () => {
    const { host } = await start();
    const api = await openApiSocket(host, await signIn(host));
    const closed = api.closed();
    api.send({ id: 1, method: 'getReplicaHealth', args: { pad: 'x'.repeat(MAX_FRAME_BYTES) } });
    expect(await closed).toBe(1009);
  });

  it('pushes core events, and the shared client transport speaks the same frames', async () => {
    const { host } = await start();
    const cookie = await signIn(host);
    const socket = new WebSocket(`ws://127.0.0.1:${host.port}/api`, {
      headers: { Cookie: cookie, Origin: host.origin },
    });
    const transport = createWebSocketTransport(socket);
    const client = createConsoleClient(transport);

    const changed = new Promise<{ tables: string[] }>((resolve) => {
      const off = client.on('replicaChanged', (payload) => {
        off();
        resolve(payload);
      });
    });
    // Sent before the socket opens: the transport holds it until then.
    const directory = await client.getDirectory({});
    expect(directory).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'not_signed_in' }),
    });

    const filters = { ...NO_FILTERS, sources: ['Text' as const] };
    const saved = await client.saveFilters({ filters });
    expect(saved).toEqual({ ok: true, value: filters });
    expect((await changed).tables.length).toBeGreaterThan(0);

    const toast = new Promise<unknown>((resolve) => transport.onPageEvent('toast', resolve));
    host.ports.notifier.toast({ title: 'New lead', body: 'Pat is waiting' });
    expect(await toast).toEqual({ title: 'New lead', body: 'Pat is waiting' });

    host.ports.idle.setIdleSeconds(300);
    transport.reportActivity();
    // Frames are read in order, so the activity is counted before this call is answered.
    await client.getReplicaHealth({});
    expect(host.ports.idle.idleSeconds()).toBeLessThan(300);

    const closed = new Promise((resolve) => socket.once('close', resolve));
    socket.terminate();
    await closed;
    const afterClose = await client.getReplicaHealth({});
    expect(afterClose).toEqual({
      ok: false,
      error: expect.objectContaining({ message: expect.stringContaining('connection') }),
    });
  });
});
