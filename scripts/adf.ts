/**
 * `npm run adf -- --demo N --out DIR [--seed S]`: the ADF 1.0 documents Showroom would send to
 * a CRM for N demo leads, one file each (issue 6), for anyone to check with their own
 * validator. Exit codes: 0 written, 1 failed, 2 bad arguments.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AdfInputError, leadToAdf } from '../src-cloud/crm/adf';
import { MAX_DEMO_LEADS } from '../src-shared/demo';
import { ADF_USAGE, AdfArgsError, parseAdfArgs, type AdfArgs } from './adf-args';
import { demoAdfInputs } from './adf-demo';

/** Lead ids are UUIDs; anything else must not become a path. */
const SAFE_FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

function main(): number {
  let args: AdfArgs | 'help';
  try {
    args = parseAdfArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof AdfArgsError)) throw error;
    console.error(`adf: ${error.message}\n\n${ADF_USAGE}`);
    return 2;
  }
  if (args === 'help') {
    console.log(ADF_USAGE);
    return 0;
  }
  const out = resolve(args.out);
  try {
    mkdirSync(out, { recursive: true });
  } catch (error) {
    console.error(`adf: cannot use ${out}: ${error instanceof Error ? error.message : error}`);
    return 1;
  }
  let written = 0;
  let skipped = 0;
  // The demo is generated lazily, batch by batch: asking for every lead it can make costs only
  // the batches read before N documents are written.
  for (const { leadId, input } of demoAdfInputs({
    leads: MAX_DEMO_LEADS,
    seed: args.seed,
    now: Date.now(),
  })) {
    if (written === args.demo) break;
    if (!SAFE_FILE_NAME.test(leadId)) {
      console.error(`adf: lead id ${JSON.stringify(leadId)} cannot be a file name`);
      return 1;
    }
    let xml: string;
    try {
      xml = leadToAdf(input);
    } catch (error) {
      // An anonymous chat (no email, no phone) cannot go to a CRM: Send to CRM refuses it too.
      if (!(error instanceof AdfInputError)) throw error;
      skipped++;
      continue;
    }
    writeFileSync(join(out, `${leadId}.xml`), xml, 'utf8');
    written++;
  }
  const without = skipped ? ` (skipped ${skipped} with neither email nor phone)` : '';
  console.log(`adf: wrote ${written} ADF documents to ${out}${without}`);
  return 0;
}

process.exitCode = main();
