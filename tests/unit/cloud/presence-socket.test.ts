import { describe, expect, test } from 'vitest';
import type { FastifyBaseLogger } from 'fastify';
import type { Db, Queryable } from '../../../src-cloud/db/db';
import { SocketPresence, TOUCH_EVERY_MS } from '../../../src-cloud/presence/socket-presence';
import { DEVICE_SILENT_MS } from '../../../src-shared/presence/presence';

/**
 * A database that records what it is asked, by kind: 'report' (a device's presence upserted),
 * 'touch' (seen_at only). `touched` is what the next touch finds.
 */
function fakeDb() {
  const writes: { kind: 'report' | 'touch'; params: readonly unknown[] }[] = [];
  const state = { touched: null as null | { state: string; reason: string; seenBefore: number } };
  const q: Queryable = {
    async query<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
      if (sql.includes('INSERT INTO device_presence')) writes.push({ kind: 'report', params });
      if (sql.includes('UPDATE device_presence d SET seen_at')) {
        writes.push({ kind: 'touch', params });
        return (state.touched ? [state.touched] : []) as T[];
      }
      if (sql.includes('FROM user_presence'))
        return [{ state: 'online', reason: 'active', since: 0 }] as T[];
      return [];
    },
    exec: async () => {},
  };
  const db = {
    ...q,
    kind: 'pglite',
    transaction: (work: (tx: Queryable) => Promise<unknown>) => work(q),
  } as unknown as Db;
  return { db, writes, state };
}

function setUp() {
  const { db, writes, state } = fakeDb();
  const clock = { now: 1_000_000 };
  const errors: unknown[] = [];
  const log = { error: (o: unknown) => errors.push(o) } as unknown as FastifyBaseLogger;
  const presence = new SocketPresence(
    { db, log, now: () => clock.now },
    { tenantId: 't', userId: 'u' },
  );
  return { presence, writes, state, clock, errors };
}

describe('the presence side of a live socket', () => {
  test('pings before the device has said who it is write nothing', async () => {
    const { presence, writes, clock } = setUp();
    clock.now += TOUCH_EVERY_MS * 3;
    presence.heard();
    await presence.settled();
    expect(writes).toEqual([]);
  });

  test('a presence frame is written at once; pings touch seen_at at most every 10 s', async () => {
    const { presence, writes, state, clock, errors } = setUp();
    presence.report('laptop', { state: 'online', reason: 'active' });
    state.touched = { state: 'online', reason: 'active', seenBefore: clock.now };
    for (let i = 0; i < 25; i++) {
      clock.now += 1_000;
      presence.heard();
    }
    await presence.settled();
    expect(writes.map((w) => w.kind)).toEqual(['report', 'touch', 'touch']);
    expect(writes[1]?.params).toEqual(['t', 'u', 'laptop', 1_000_000 + TOUCH_EVERY_MS]);
    expect(errors).toEqual([]);
  });

  test('a device swept offline while its socket lived says again what it last said', async () => {
    const { presence, writes, state, clock } = setUp();
    presence.report('laptop', { state: 'away', reason: 'locked' });
    state.touched = { state: 'offline', reason: 'disconnected', seenBefore: clock.now };
    clock.now += TOUCH_EVERY_MS;
    presence.heard();
    await presence.settled();
    expect(writes.map((w) => w.kind)).toEqual(['report', 'touch', 'report']);
    expect(writes[2]?.params.slice(0, 5)).toEqual(['t', 'u', 'laptop', 'away', 'locked']);
  });

  test('a device counted silent (not yet swept) is recomputed when heard again', async () => {
    const { presence, writes, state, clock } = setUp();
    presence.report('laptop', { state: 'online', reason: 'active' });
    state.touched = { state: 'online', reason: 'active', seenBefore: clock.now };
    clock.now += DEVICE_SILENT_MS + 1;
    presence.heard();
    await presence.settled();
    expect(writes.map((w) => w.kind)).toEqual(['report', 'touch', 'report']);
  });

  test('a device that said it is offline stays so when its socket pings', async () => {
    const { presence, writes, state, clock } = setUp();
    presence.report('laptop', { state: 'offline', reason: 'manual' });
    state.touched = { state: 'offline', reason: 'manual', seenBefore: clock.now };
    clock.now += TOUCH_EVERY_MS;
    presence.heard();
    await presence.settled();
    expect(writes.map((w) => w.kind)).toEqual(['report', 'touch']);
  });

  test('a failed write is logged and the next one still runs', async () => {
    const errors: unknown[] = [];
    let attempts = 0;
    const failing = new SocketPresence(
      {
        db: {
          transaction: () => Promise.reject(new Error(`db down ${++attempts}`)),
        } as unknown as Db,
        log: { error: (o: unknown) => errors.push(o) } as unknown as FastifyBaseLogger,
        now: () => 1,
      },
      { tenantId: 't', userId: 'u' },
    );
    failing.report('laptop', { state: 'online', reason: 'active' });
    failing.report('laptop', { state: 'away', reason: 'idle' });
    await failing.settled();
    expect(attempts).toBe(2);
    expect(errors).toEqual([
      expect.objectContaining({ err: new Error('db down 1') }),
      expect.objectContaining({ err: new Error('db down 2') }),
    ]);
  });
});
