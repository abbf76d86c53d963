import { afterEach, describe, expect, test, vi } from 'vitest';
import type { WebSocket } from 'ws';
import { parseBusEvent } from '../../../src-cloud/live/bus';
import {
  CLOSE_SIGNED_OUT,
  LiveHub,
  POKE_WINDOW_MS,
  releaseHeld,
} from '../../../src-cloud/live/hub';

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
  afterEach(() => {
    vi.useRealTimers();
  });

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

  test("a presence change reaches every socket of the user's tenant, and no other tenant", () => {
    const hub = new LiveHub();
    const manager = fakeSocket();
    const agent = fakeSocket();
    const elsewhere = fakeSocket();
    hub.add('t', { socket: manager.socket, sessionId: 's1', userId: 'manager' });
    hub.add('t', { socket: agent.socket, sessionId: 's2', userId: 'agent' });
    hub.add('other', { socket: elsewhere.socket, sessionId: 's3', userId: 'x' });
    const user = { userId: 'agent', state: 'away', reason: 'idle', since: 5 } as const;
    hub.dispatch({ type: 'presence', tenantId: 't', user });
    expect(manager.sent).toEqual([{ type: 'presence', user }]);
    expect(agent.sent).toEqual([{ type: 'presence', user }]);
    expect(elsewhere.sent).toEqual([]);
  });

  test('an offer and its closing reach only the sockets of the users it rings for', () => {
    const hub = new LiveHub();
    const ringing = fakeSocket();
    const ringingLaptop = fakeSocket();
    const notOffered = fakeSocket();
    const sameIdOtherTenant = fakeSocket();
    hub.add('t', { socket: ringing.socket, sessionId: 's1', userId: 'a1' });
    hub.add('t', { socket: ringingLaptop.socket, sessionId: 's2', userId: 'a1' });
    hub.add('t', { socket: notOffered.socket, sessionId: 's3', userId: 'a2' });
    hub.add('other', { socket: sameIdOtherTenant.socket, sessionId: 's4', userId: 'a1' });
    const offer = {
      offerId: 'o1',
      leadId: 'l1',
      leadName: 'Pat Customer',
      phone: '+13035550123',
      storeId: 'st1',
      storeName: 'Downtown',
      source: 'Text',
      firstMessage: 'Is the truck still there?',
      createdAt: 1,
      expiresAt: 60_001,
    };
    const closed = {
      offerId: 'o1',
      leadId: 'l1',
      outcome: 'accepted',
      acceptedBy: { userId: 'a3', name: 'Sam' },
    } as const;
    hub.dispatch({ type: 'offer', tenantId: 't', userIds: ['a1', 'a3'], offer });
    hub.dispatch({ type: 'offer-closed', tenantId: 't', userIds: ['a1', 'a3'], closed });
    const heard = [
      { type: 'offer', offer },
      { type: 'offer-closed', closed },
    ];
    expect(ringing.sent).toEqual(heard);
    expect(ringingLaptop.sent).toEqual(heard);
    expect(notOffered.sent).toEqual([]);
    expect(sameIdOtherTenant.sent).toEqual([]);
  });

  test('after a gap on the bus, each tenant is sent its own catch-up frame', async () => {
    const hub = new LiveHub();
    const a = fakeSocket();
    const b = fakeSocket();
    hub.add('tenant-a', { socket: a.socket, sessionId: 's1', userId: 'u1' });
    hub.add('tenant-b', { socket: b.socket, sessionId: 's2', userId: 'u2' });
    const versions: Record<string, number> = { 'tenant-a': 3, 'tenant-b': 9 };
    hub.sendToAll(async (tenantId) => ({ type: 'poke', version: versions[tenantId] ?? -1 }));
    await new Promise((resolve) => setImmediate(resolve));
    expect(a.sent).toEqual([{ type: 'poke', version: 3 }]);
    expect(b.sent).toEqual([{ type: 'poke', version: 9 }]);
  });

  test('while a socket is greeted, bus frames wait, then follow in order', () => {
    vi.useFakeTimers();
    const hub = new LiveHub();
    const greeted = fakeSocket();
    const client = { socket: greeted.socket, sessionId: 's', userId: 'u', held: [] };
    hub.add('t', client);
    const user = { userId: 'x', state: 'away', reason: 'idle', since: 5 } as const;
    hub.dispatch({ type: 'presence', tenantId: 't', user });
    hub.dispatch({ type: 'poke', tenantId: 't', version: 8 });
    expect(greeted.sent).toEqual([]);
    releaseHeld(client, (frame) => frame.type === 'poke');
    expect(greeted.sent).toEqual([{ type: 'presence', user }]);
    // Poke 9 falls in poke 8's window: it goes out when the window closes.
    hub.dispatch({ type: 'poke', tenantId: 't', version: 9 });
    vi.advanceTimersByTime(POKE_WINDOW_MS);
    expect(greeted.sent).toEqual([
      { type: 'presence', user },
      { type: 'poke', version: 9 },
    ]);
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
    expect(parseBusEvent('{"type":"typing","tenantId":"t"}')).toBeNull(); // from a newer process
    expect(parseBusEvent('42')).toBeNull();
  });

  describe('pokes in a burst', () => {
    test('the first goes out at once; the rest of its window are folded into one, the latest', () => {
      vi.useFakeTimers();
      const hub = new LiveHub();
      const desk = fakeSocket();
      hub.add('t', { socket: desk.socket, sessionId: 's', userId: 'u' });
      hub.dispatch({ type: 'poke', tenantId: 't', version: 1 });
      expect(desk.sent).toEqual([{ type: 'poke', version: 1 }]);
      for (const version of [2, 3, 4]) hub.dispatch({ type: 'poke', tenantId: 't', version });
      expect(desk.sent).toHaveLength(1);
      vi.advanceTimersByTime(POKE_WINDOW_MS);
      expect(desk.sent).toEqual([
        { type: 'poke', version: 1 },
        { type: 'poke', version: 4 },
      ]);
      // The poke of version 4 opened a window of its own: 5 waits for it, and is not lost.
      hub.dispatch({ type: 'poke', tenantId: 't', version: 5 });
      expect(desk.sent).toHaveLength(2);
      vi.advanceTimersByTime(POKE_WINDOW_MS);
      expect(desk.sent.at(-1)).toEqual({ type: 'poke', version: 5 });
      // A window with nothing in it closes quietly; the next poke goes out at once again.
      vi.advanceTimersByTime(POKE_WINDOW_MS);
      expect(desk.sent).toHaveLength(3);
      hub.dispatch({ type: 'poke', tenantId: 't', version: 6 });
      expect(desk.sent.at(-1)).toEqual({ type: 'poke', version: 6 });
    });

    test("each tenant has its own window: one tenant's burst does not hold another's poke", () => {
      vi.useFakeTimers();
      const hub = new LiveHub();
      const a = fakeSocket();
      const b = fakeSocket();
      hub.add('a', { socket: a.socket, sessionId: 's1', userId: 'u1' });
      hub.add('b', { socket: b.socket, sessionId: 's2', userId: 'u2' });
      hub.dispatch({ type: 'poke', tenantId: 'a', version: 10 });
      hub.dispatch({ type: 'poke', tenantId: 'a', version: 11 });
      hub.dispatch({ type: 'poke', tenantId: 'b', version: 3 });
      expect(a.sent).toEqual([{ type: 'poke', version: 10 }]);
      expect(b.sent).toEqual([{ type: 'poke', version: 3 }]);
      vi.advanceTimersByTime(POKE_WINDOW_MS);
      expect(a.sent.at(-1)).toEqual({ type: 'poke', version: 11 });
      expect(b.sent).toHaveLength(1);
    });

    test('a socket that joins during a window hears the poke that closes it', () => {
      vi.useFakeTimers();
      const hub = new LiveHub();
      const first = fakeSocket();
      const late = fakeSocket();
      hub.add('t', { socket: first.socket, sessionId: 's1', userId: 'u1' });
      hub.dispatch({ type: 'poke', tenantId: 't', version: 1 });
      hub.add('t', { socket: late.socket, sessionId: 's2', userId: 'u2' });
      hub.dispatch({ type: 'poke', tenantId: 't', version: 2 });
      vi.advanceTimersByTime(POKE_WINDOW_MS);
      expect(late.sent).toEqual([{ type: 'poke', version: 2 }]);
    });
  });
});
