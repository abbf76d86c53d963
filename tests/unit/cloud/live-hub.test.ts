import { describe, expect, test } from 'vitest';
import type { WebSocket } from 'ws';
import { parseBusEvent } from '../../../src-cloud/live/bus';
import { CLOSE_SIGNED_OUT, LiveHub } from '../../../src-cloud/live/hub';

function fakeSocket() {
  const sent: unknown[] = [];
  const closed: number[] = [];
  const socket = {
    OPEN: 1,
    readyState: 1,
    send: (text: string) => sent.push(JSON.parse(text)),
    close: (code: number) => closed.push(code),
  } as unknown as WebSocket;
  return { socket, sent, closed };
}

describe('the live hub', () => {
  test("pokes reach the sockets of the commit's tenant only", () => {
    const hub = new LiveHub();
    const a = fakeSocket();
    const b = fakeSocket();
    hub.add('tenant-a', { socket: a.socket, sessionId: 's1', userId: 'u1' });
    hub.add('tenant-b', { socket: b.socket, sessionId: 's2', userId: 'u2' });
    hub.dispatch({ type: 'poke', tenantId: 'tenant-a', version: 7 });
    expect(a.sent).toEqual([{ type: 'poke', version: 7 }]);
    expect(b.sent).toEqual([]);
  });

  test('a revoked session closes its socket and no other', () => {
    const hub = new LiveHub();
    const mine = fakeSocket();
    const colleague = fakeSocket();
    hub.add('t', { socket: mine.socket, sessionId: 's1', userId: 'u1' });
    hub.add('t', { socket: colleague.socket, sessionId: 's2', userId: 'u2' });
    hub.dispatch({ type: 'revoke', tenantId: 't', sessionIds: ['s1'] });
    expect(mine.closed).toEqual([CLOSE_SIGNED_OUT]);
    expect(colleague.closed).toEqual([]);
  });

  test('a removed socket is forgotten', () => {
    const hub = new LiveHub();
    const remove = hub.add('t', { socket: fakeSocket().socket, sessionId: 's', userId: 'u' });
    expect(hub.size).toBe(1);
    remove();
    expect(hub.size).toBe(0);
  });

  test('bus payloads that are not events are ignored', () => {
    expect(parseBusEvent('{"type":"poke","tenantId":"t","version":1}')).toEqual({
      type: 'poke',
      tenantId: 't',
      version: 1,
    });
    expect(parseBusEvent('not json')).toBeNull();
    expect(parseBusEvent('42')).toBeNull();
  });
});
