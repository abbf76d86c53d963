import { DEMO_USERS, generateDemo } from '../../src-shared/demo';
import type { Replica } from '../replica/replica';
import { bulkLoad } from '../replica/bulk-load';

/** The local demo (no cloud) runs on a generated dealer group, signed in as this agent. */
export const DEMO_USER_EMAIL = 'agent1@demo.test';
export const DEFAULT_DEMO_LEADS = 3_000;

export interface DemoOptions {
  leads: number;
  seed: number;
  /** The clock the demo's history hangs from; defaults to the wall clock at load. */
  now?: () => number;
}

/**
 * How a desktop starts on a fresh data folder, from `SHOWROOM_DEMO`:
 * - unset (the default): "Try it on this PC", the embedded cloud with the demo dealership
 *   (DESIGN §3), signed in as the demo agent, syncing like any cloud;
 * - `local`: the demo loaded straight into the replica, without a cloud (quick, for tests);
 * - `off`: an empty replica and the sign-in screen.
 */
export function startupFromEnv(env: NodeJS.ProcessEnv = process.env): {
  demo: DemoOptions | null;
  tryOnThisPcOnFirstRun: boolean;
} {
  const mode = env.SHOWROOM_DEMO ?? '';
  if (!['', 'local', 'off'].includes(mode)) {
    throw new Error(`SHOWROOM_DEMO must be local or off (or unset), got "${mode}"`);
  }
  return {
    demo: mode === 'local' ? demoOptionsFromEnv(env) : null,
    tryOnThisPcOnFirstRun: mode === '',
  };
}

/**
 * The local demo's options: on unless `SHOWROOM_DEMO=off`; `SHOWROOM_DEMO_LEADS` overrides the
 * lead count (a small number starts faster).
 */
export function demoOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): DemoOptions | null {
  if (env.SHOWROOM_DEMO === 'off') return null;
  const raw = env.SHOWROOM_DEMO_LEADS;
  const leads = raw === undefined || raw === '' ? DEFAULT_DEMO_LEADS : Number(raw);
  if (!Number.isInteger(leads) || leads < 0) {
    throw new Error(`SHOWROOM_DEMO_LEADS must be a whole number of leads, got "${raw}"`);
  }
  return { leads, seed: 1 };
}

/**
 * Loads the demo into a replica that has no signed-in user's data: a new one, or one just reset
 * (which keeps the sign-in but not the rows; with no cloud, "resync" means the demo again).
 * Returns whether it loaded.
 */
export function loadDemoIfEmpty(replica: Replica, options: DemoOptions): boolean {
  if (replica.directory() !== null) return false;
  const demoUser = DEMO_USERS.find((user) => user.email === DEMO_USER_EMAIL);
  if (!demoUser) throw new Error(`the demo data has no user ${DEMO_USER_EMAIL}`);
  const now = (options.now ?? Date.now)();
  bulkLoad(replica, generateDemo({ seed: options.seed, leads: options.leads, now }));
  replica.setMeta('userId', demoUser.id);
  return true;
}
