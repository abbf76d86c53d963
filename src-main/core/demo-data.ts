import type { SyncChange } from '../../src-shared';
import { generateDemo } from '../../src-shared/demo';
import type { Replica } from '../replica/replica';

/** Until the cloud exists the desktop runs on a generated dealer group, signed in as this agent. */
export const DEMO_USER_EMAIL = 'agent1@demo.test';
export const DEFAULT_DEMO_LEADS = 3_000;

export interface DemoOptions {
  leads: number;
  seed: number;
  /** The clock the demo's timestamps hang from; defaults to the wall clock at load. */
  now?: () => number;
}

/** `SHOWROOM_DEMO_LEADS` overrides the default lead count (a small number starts faster). */
export function demoOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): DemoOptions | null {
  if (env.SHOWROOM_DEMO === 'off') return null;
  const raw = env.SHOWROOM_DEMO_LEADS;
  const leads = raw === undefined || raw === '' ? DEFAULT_DEMO_LEADS : Number(raw);
  if (!Number.isInteger(leads) || leads < 0) {
    throw new Error(`SHOWROOM_DEMO_LEADS must be a whole number of leads, got "${raw}"`);
  }
  return { leads, seed: 1 };
}

/** Loads the demo into a replica nobody is signed in to; returns whether it did. */
export function loadDemoIfEmpty(replica: Replica, options: DemoOptions): boolean {
  if (replica.getMeta('userId') !== null) return false;
  let demoUserId: string | null = null;
  const now = (options.now ?? Date.now)();
  for (const batch of generateDemo({ seed: options.seed, leads: options.leads, now })) {
    replica.applyChanges(batch);
    demoUserId ??= findDemoUser(batch);
  }
  if (demoUserId === null) throw new Error(`the demo data has no user ${DEMO_USER_EMAIL}`);
  // The generator may already have signed the demo user in; if not, this does.
  if (replica.getMeta('userId') === null) replica.setMeta('userId', demoUserId);
  return true;
}

function findDemoUser(batch: readonly SyncChange[]): string | null {
  for (const change of batch) {
    if (change.table === 'users' && change.op === 'upsert' && change.row.email === DEMO_USER_EMAIL) {
      return change.row.id;
    }
  }
  return null;
}
