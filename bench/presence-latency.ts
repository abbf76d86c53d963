// bench presence-latency: a desktop core (Node ports, as in the browser host) signed in to a
// cloud; a manager's live socket watches. Idle: the OS idle clock is set to cross the away
// threshold one second from now, and the time is taken from that crossing (so the core's own
// 1 s poll of the idle clock is inside the measure, as in Electron) to the manager's socket
// hearing "away". Lock: from the lock-screen signal to the manager hearing it. p99 of each.
import { DEMO_PASSWORD, DEMO_USERS } from '../src-shared/demo';
import { DEFAULT_DESKTOP_SETTINGS } from '../src-shared/presence/settings';
import type { LiveServerFrame, UserPresence } from '../src-shared';
import { Api, type LiveSocket } from '../tests/integration/cloud/harness/api';
import { postgresUnavailable } from '../tests/integration/cloud/harness/postgres-server';
import { startTestCloud } from '../tests/integration/cloud/harness/test-cloud';
import { startDesktop } from '../tests/integration/sync/harness/desktop';
import { benchLine, percentile } from './_report';

const ROUNDS = 15;
const AWAY_AFTER_S = DEFAULT_DESKTOP_SETTINGS.awayAfterMinutes * 60;
const report = (metric: string, value: number, unit: string, target?: ['<=', number]) =>
  benchLine('presence-latency', metric, value, unit, target);

const agent = DEMO_USERS.find((u) => u.email === 'agent1@demo.test')!;
const manager = DEMO_USERS.find((u) => u.role === 'manager')!;

/** A change that has not reached the manager after this long is reported as a failure. */
const GIVE_UP_MS = 20_000;

/** Resolves when the manager's socket hears this agent in `state`, with the time it did. */
function heard(live: LiveSocket, state: UserPresence['state']): Promise<number> {
  const heardIt = live
    .next(
      (frame: LiveServerFrame) =>
        frame.type === 'presence' && frame.user.userId === agent.id && frame.user.state === state,
    )
    .then(() => performance.now());
  let timer: NodeJS.Timeout | undefined;
  const givenUp = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`the manager never heard agent1 become ${state}`)),
      GIVE_UP_MS,
    );
  });
  return Promise.race([heardIt, givenUp]).finally(() => clearTimeout(timer));
}

async function main(): Promise<void> {
  const cloud = await startTestCloud(postgresUnavailable() ? 'pglite' : 'postgres', {
    demo: true,
    demoLeads: 20,
  });
  const desktop = startDesktop();
  try {
    const signedIn = await desktop.call('signIn', {
      cloudUrl: cloud.url,
      email: agent.email,
      password: DEMO_PASSWORD,
    });
    if (signedIn.state === 'signed_out') throw new Error(`sign-in failed: ${signedIn.message}`);
    await desktop.connection((c) => c.state === 'online');
    const api = await new Api(cloud.url).login(manager.email, DEMO_PASSWORD);
    const live = await api.live();
    const idle = desktop.ports.idle;
    // Online already (the snapshot said so, or a presence frame will): the rounds start there.
    idle.reportActivity();

    // The idle rounds come first: an unlock counts as activity (someone typed a password), so
    // after one the idle clock cannot honestly read 299 s.
    const idleMs: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // Idle: one second short of the threshold now, so the crossing is one second away.
      const away = heard(live, 'away');
      idle.setIdleSeconds(AWAY_AFTER_S - 1);
      const crossing = performance.now() + 1000;
      idleMs.push((await away) - crossing);
      const online = heard(live, 'online');
      idle.reportActivity();
      await online;
    }
    const lockMs: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const locked = heard(live, 'away');
      const lockedAt = performance.now();
      idle.power('lock-screen');
      lockMs.push((await locked) - lockedAt);
      const online = heard(live, 'online');
      idle.power('unlock-screen');
      await online;
    }
    live.close();
    report('idle.p50', percentile(idleMs, 50) / 1000, 's');
    report('idle.p99', percentile(idleMs, 99) / 1000, 's', ['<=', 3]);
    report('lock.p50', percentile(lockMs, 50) / 1000, 's');
    report('lock.p99', percentile(lockMs, 99) / 1000, 's', ['<=', 1]);
  } finally {
    await desktop.close();
    await cloud.stop();
  }
}

await main();
