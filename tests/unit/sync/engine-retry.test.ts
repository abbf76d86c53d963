import { createServer } from 'node:net';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { SyncEngine } from '../../../src-main/sync/engine';
import type { SyncTimers } from '../../../src-main/sync/timers';
import { syncWorld, type SyncWorld } from './fixture';

let world: SyncWorld;
beforeEach(() => {
  world = syncWorld();
});
afterEach(() => world.cleanup());

/** A clock the test moves: timers fire only when it says. */
function manualTimers() {
  let now = 1_000_000;
  const pending = new Map<number, { run: () => void; at: number }>();
  let next = 0;
  const timers: SyncTimers = {
    now: () => now,
    setTimeout: (run, ms) => {
      pending.set(++next, { run, at: now + ms });
      return next;
    },
    clearTimeout: (handle) => void pending.delete(handle as number),
    random: () => 0,
  };
  return {
    timers,
    /** Moves the clock to the earliest timer and fires it. */
    fireNext() {
      const [id, timer] = [...pending].sort((a, b) => a[1].at - b[1].at)[0]!;
      pending.delete(id);
      now = timer.at;
      timer.run();
    },
  };
}

function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

it('an unreachable cloud is retried later and later, and the state says when', async () => {
  const clock = manualTimers();
  let wake = () => {};
  const engine = new SyncEngine({
    baseUrl: `http://127.0.0.1:${await closedPort()}`,
    token: 'token-that-goes-nowhere-1234',
    clientId: 'client-1',
    replica: () => world.replica,
    me: () => world.agent,
    timers: clock.timers,
    backoff: { firstMs: 4_000, maxMs: 60_000 },
    pageSize: 100,
    log: () => undefined,
    events: {
      changed: () => wake(),
      replicaChanged: () => undefined,
      rejected: () => undefined,
      credentialsLost: () => undefined,
      cursorAhead: async () => undefined,
      replicaFailed: () => false,
    },
  });
  /** Resolves once the state says it will retry in `seconds`. */
  const retryingIn = (seconds: number) =>
    new Promise<void>((resolve) => {
      const pattern = new RegExp(
        `^Cannot reach the cloud at 127\\.0\\.0\\.1:\\d+\\. Retrying in ${seconds} s\\.$`,
      );
      wake = () => pattern.test(engine.status().message ?? '') && resolve();
      wake();
    });

  engine.start();
  await retryingIn(2);
  expect(engine.status()).toMatchObject({ state: 'offline', reason: 'network' });
  // Both first retries (the live socket's and the pull's) wait 2 s; the next ones wait 4 s.
  clock.fireNext();
  clock.fireNext();
  await retryingIn(4);
  await engine.stop();
});
