export interface AdfArgs {
  demo: number;
  out: string;
  seed: number;
}

/** Enough to check a validator against; the demo itself goes much higher. */
export const MAX_ADF_LEADS = 100_000;

export const ADF_USAGE = `Usage: npm run adf -- --demo N --out DIR [--seed S]

Writes the ADF 1.0 documents of N demo leads (Summit Auto Group) to DIR, one file per lead
named LEAD_ID.xml, so that any ADF validator can check what Showroom sends to a CRM. Demo
leads with neither email nor phone (ADF needs one) are passed over, as Send to CRM refuses them.
  --demo N    how many demo leads, 1 to ${MAX_ADF_LEADS.toLocaleString('en-US')}
  --out DIR   the folder to write them to (made if missing)
  --seed S    any whole number; another seed, other leads (default 1)`;

export class AdfArgsError extends Error {}

/** Reads `--name value` and `--name=value`; throws AdfArgsError naming what is wrong. */
export function parseAdfArgs(argv: readonly string[]): AdfArgs | 'help' {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--help' || arg === '-h') return 'help';
    const match = /^--(demo|out|seed)(?:=(.*))?$/.exec(arg);
    if (!match) throw new AdfArgsError(`unknown argument "${arg}"`);
    const name = match[1] as string;
    if (values.has(name)) throw new AdfArgsError(`--${name} is given twice`);
    const value = match[2] ?? argv[++i];
    if (value === undefined || value === '' || (match[2] === undefined && value.startsWith('--'))) {
      throw new AdfArgsError(`--${name} needs a value`);
    }
    values.set(name, value);
  }
  const demo = values.get('demo');
  if (demo === undefined) throw new AdfArgsError('--demo N is required');
  const out = values.get('out');
  if (out === undefined) throw new AdfArgsError('--out DIR is required');
  const leads = wholeNumber('demo', demo);
  if (leads < 1 || leads > MAX_ADF_LEADS) {
    throw new AdfArgsError(`--demo must be from 1 to ${MAX_ADF_LEADS}, got "${demo}"`);
  }
  return { demo: leads, out, seed: wholeNumber('seed', values.get('seed') ?? '1') };
}

function wholeNumber(name: string, raw: string): number {
  if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(Number(raw))) {
    throw new AdfArgsError(`--${name} must be a whole number, got "${raw}"`);
  }
  return Number(raw);
}
