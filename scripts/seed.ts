/**
 * `npm run seed -- --leads N [--seed S] [--file PATH] [--force]`: fills a local replica with the
 * demo dealer group and signs agent1 in, so the console opens on a realistic queue without a
 * cloud. Exit codes: 0 loaded, 1 refused or failed, 2 bad arguments.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DEMO_USERS, generateDemo } from '../src-shared/demo';
import { NO_FILTERS } from '../src-shared/folders';
import { bulkLoad } from '../src-main/replica/bulk-load';
import { openReplica } from '../src-main/replica/open';
import type { Replica } from '../src-main/replica/replica';
import { parseSeedArgs, SEED_USAGE, SeedArgsError, type SeedArgs } from './seed-args';

const SIGNED_IN_AS = 'agent1@demo.test';

function main(): number {
  let args: SeedArgs | 'help';
  try {
    args = parseSeedArgs(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof SeedArgsError)) throw error;
    console.error(`seed: ${error.message}\n\n${SEED_USAGE}`);
    return 2;
  }
  if (args === 'help') {
    console.log(SEED_USAGE);
    return 0;
  }
  const file = resolve(args.file);
  let replica: Replica | null;
  try {
    mkdirSync(dirname(file), { recursive: true });
    replica = openEmptyReplica(file, args.force);
  } catch (error) {
    console.error(`seed: cannot use ${file}: ${error instanceof Error ? error.message : error}`);
    return 1;
  }
  if (!replica) return 1;
  try {
    load(replica, args, file);
  } finally {
    replica.close();
  }
  return 0;
}

/** Null (with the reason printed) when the file holds data and --force was not given. */
function openEmptyReplica(file: string, force: boolean): Replica | null {
  let replica = open(file);
  if (replica && holdsData(replica)) {
    replica.close();
    if (!force) {
      console.error(`seed: ${file} already holds data; add --force to replace it.`);
      return null;
    }
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    replica = open(file);
  }
  return replica;
}

function open(file: string): Replica | null {
  const opened = openReplica(file);
  if (opened.ok) return opened.replica;
  console.error(`seed: cannot use ${file}: ${opened.health.message}`);
  return null;
}

function holdsData(replica: Replica): boolean {
  return replica.directory() !== null || replica.folderCounts(NO_FILTERS).inbox > 0;
}

function load(replica: Replica, args: SeedArgs, file: string) {
  const agent = DEMO_USERS.find((u) => u.email === SIGNED_IN_AS);
  if (!agent) throw new Error(`the demo has no ${SIGNED_IN_AS}`);
  const started = performance.now();
  const seconds = (ms: number) => (ms / 1000).toFixed(1);
  const counts = new Map<string, number>();
  let writing = 0;
  let lastReport = started;
  const total = args.leads.toLocaleString('en-US');
  console.log(`seed: loading ${total} leads into ${file}`);
  const batches = generateDemo({ seed: args.seed, leads: args.leads, now: Date.now() });
  bulkLoad(replica, batches, (changes, writeMs) => {
    writing += writeMs;
    for (const change of changes) counts.set(change.table, (counts.get(change.table) ?? 0) + 1);
    if (performance.now() - lastReport > 2000) {
      lastReport = performance.now();
      console.log(
        `seed: ${count(counts, 'leads')} of ${total} leads, ${seconds(lastReport - started)} s`,
      );
    }
  });
  replica.setMeta('userId', agent.id);
  const summary = ['leads', 'conversations', 'messages', 'timeline_events', 'appointments']
    .map((table) => `${count(counts, table)} ${table.replace('_', ' ')}`)
    .join(', ');
  const elapsed = performance.now() - started;
  const split = `generating ${seconds(elapsed - writing)} s, writing ${seconds(writing)} s`;
  console.log(
    `seed: done: ${summary} in ${seconds(elapsed)} s (${split}); signed in as ${SIGNED_IN_AS}`,
  );
}

function count(counts: Map<string, number>, table: string): string {
  return (counts.get(table) ?? 0).toLocaleString('en-US');
}

process.exitCode = main();
