import { join } from 'node:path';
import { MAX_DEMO_LEADS } from '../src-shared/demo';

export interface SeedArgs {
  leads: number;
  seed: number;
  file: string;
  force: boolean;
}

export const SEED_USAGE = `Usage: npm run seed -- --leads N [--seed S] [--file PATH] [--force]

Loads the demo dealer group (Summit Auto Group) into a local replica file.
  --leads N    how many leads, 0 to ${MAX_DEMO_LEADS.toLocaleString('en-US')} (about 10 messages each)
  --seed S     any whole number; the same seed gives the same demo (default 1)
  --file PATH  the replica to fill (default: $SHOWROOM_DATA_DIR/replica.db, ./data/desktop)
  --force      replace a replica that already holds data`;

export class SeedArgsError extends Error {}

/** Reads `--name value` and `--name=value`; throws SeedArgsError naming what is wrong. */
export function parseSeedArgs(argv: readonly string[], env: NodeJS.ProcessEnv): SeedArgs | 'help' {
  const values = new Map<string, string>();
  let force = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--force') {
      force = true;
      continue;
    }
    const match = /^--(leads|seed|file)(?:=(.*))?$/.exec(arg);
    if (!match) throw new SeedArgsError(`unknown argument "${arg}"`);
    const name = match[1] as string;
    const value = match[2] ?? argv[++i];
    if (value === undefined || value === '') throw new SeedArgsError(`--${name} needs a value`);
    values.set(name, value);
  }
  const rawLeads = values.get('leads');
  if (rawLeads === undefined) throw new SeedArgsError('--leads is required');
  const leads = wholeNumber('leads', rawLeads);
  if (leads < 0 || leads > MAX_DEMO_LEADS) {
    throw new SeedArgsError(`--leads must be from 0 to ${MAX_DEMO_LEADS}, got "${rawLeads}"`);
  }
  const dataDir = env.SHOWROOM_DATA_DIR || './data/desktop';
  return {
    leads,
    seed: wholeNumber('seed', values.get('seed') ?? '1'),
    file: values.get('file') ?? join(dataDir, 'replica.db'),
    force,
  };
}

function wholeNumber(name: string, raw: string): number {
  const value = /^-?\d+$/.test(raw.trim()) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(value)) {
    throw new SeedArgsError(`--${name} must be a whole number, got "${raw}"`);
  }
  return value;
}
