/**
 * The replica's queue, folder counts and search on a dealer group of 100k leads and ~1M
 * messages (the demo generator's data), through the Replica API and, as the floor, the same SQL
 * run bare through better-sqlite3. Run: `npx tsx bench/replica-queue.ts` (BENCH_LEADS=... for
 * another size, BENCH_REBUILD=1 to rebuild the cached file in the temp folder).
 */
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  formatPhone,
  NO_FILTERS,
  UNASSIGNED,
  type Lead,
  type QueueFilters,
  type QueueQuery,
} from '../src-shared';
import { generateDemo } from '../src-shared/demo';
import { bulkLoad } from '../src-main/replica/bulk-load';
import { LATEST_VERSION } from '../src-main/replica/migrations';
import { openReplica } from '../src-main/replica/open';
import type { Replica } from '../src-main/replica/replica';
import { benchLine, percentile, type Target } from './_report';

const LEADS = Number(process.env.BENCH_LEADS ?? 100_000);
/** Bump when the data or the schema it is loaded into changes: the cached file is rebuilt. */
const DATA_VERSION = `demo-seed1-schema${LATEST_VERSION}-b8`;
const NOW = Date.UTC(2025, 5, 2, 15, 0, 0);
const FILE = join(tmpdir(), `showroom-bench-replica-${DATA_VERSION}-${LEADS}.db`);
const ROUNDS = 25;

const report = (metric: string, value: number, unit: string, target?: Target) =>
  benchLine('replica-queue', metric, value, unit, target);

function time(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Builds the file once per data version; later runs reuse it. */
function prepareFile(): void {
  const trial = existsSync(FILE) && !process.env.BENCH_REBUILD ? openReplica(FILE) : null;
  if (trial?.ok && trial.replica.getMeta('benchData') === DATA_VERSION)
    return trial.replica.close();
  if (trial?.ok) trial.replica.close();
  for (const suffix of ['', '-wal', '-shm']) rmSync(FILE + suffix, { force: true });
  const opened = openReplica(FILE);
  if (!opened.ok) throw new Error(opened.health.message);
  const replica = opened.replica;
  let applyMs = 0;
  let changes = 0;
  const total = time(() => {
    // As the seed and the demo loader (src-main/core/demo-data.ts) load it.
    bulkLoad(replica, generateDemo({ seed: 1, leads: LEADS, now: NOW }), (batch, writeMs) => {
      changes += batch.length;
      applyMs += writeMs;
    });
  });
  replica.setMeta('benchData', DATA_VERSION);
  replica.close();
  // "Well under a minute" for 100k leads and ~1M messages.
  report('load.apply', applyMs / 1000, 's', ['<=', 45]);
  report('load.changes', changes, 'changes');
  report('load.generate+apply', total / 1000, 's');
}

interface Ids {
  stores: string[];
  campaigns: string[];
  users: string[];
  labels: string[];
  sample: Lead[];
  raw: Database.Database;
}

function readIds(): Ids {
  const raw = new Database(FILE, { readonly: true });
  raw.pragma('cache_size = -131072'); // as the replica's own connection
  const ids = (sql: string) => raw.prepare(sql).pluck().all() as string[];
  const sample = (
    raw.prepare('SELECT doc FROM leads WHERE n % 9973 = 1 LIMIT 12').pluck().all() as string[]
  ).map((doc) => JSON.parse(doc) as Lead);
  return {
    stores: ids('SELECT id FROM stores ORDER BY id'),
    campaigns: ids('SELECT id FROM campaigns ORDER BY id'),
    users: ids("SELECT id FROM users WHERE doc ->> '$.role' = 'agent' ORDER BY id"),
    labels: ids('SELECT id FROM labels ORDER BY id'),
    sample,
    raw,
  };
}

function queueCases(ids: Ids): QueueQuery[] {
  const f = (over: Partial<QueueFilters>): QueueFilters => ({ ...NO_FILTERS, ...over });
  const q = (
    folder: QueueQuery['folder'],
    filters: QueueFilters,
    sort: QueueQuery['sort'] = 'newest',
  ): QueueQuery => ({
    folder,
    filters,
    search: '',
    sort,
    after: null,
    limit: 50,
  });
  const [s1, s2, s3] = ids.stores;
  const [u1, u2, u3] = ids.users;
  const [l1, l2] = ids.labels;
  return [
    q('inbox', NO_FILTERS),
    q('awaiting', NO_FILTERS, 'longest_waiting'),
    q('hot', f({ storeIds: [s1!] })),
    q('warm', f({ assigneeIds: [u1!] })),
    q('sold', f({ storeIds: [s1!, s2!], sources: ['Text', 'Website'] })),
    q('dead', NO_FILTERS),
    q('appointments', f({ storeIds: [s3!] }), 'longest_waiting'),
    q('scheduled', f({ labelIds: [l1!] })),
    q('follow_up', f({ assigneeIds: [u2!, UNASSIGNED] })),
    q('inbox', f({ labelIds: [l1!, l2!] })),
    q('done', f({ campaignIds: ids.campaigns.slice(0, 3) })),
    q(
      'inbox',
      f({
        storeIds: [s1!, s2!],
        labelIds: [l2!],
        assigneeIds: [u1!, u2!, u3!, UNASSIGNED],
        sources: ['Text', 'Chat', 'Email', 'Phone'],
      }),
    ),
    q('awaiting', f({ assigneeIds: [UNASSIGNED] }), 'longest_waiting'),
    q('appointments_showed', NO_FILTERS),
  ];
}

function searchCases(ids: Ids): QueueQuery[] {
  const [a, b, c, d, e] = ids.sample;
  const phone = (lead: Lead | undefined) => formatPhone(lead?.phones[0]?.number ?? '+19705550100');
  const terms = [
    a?.lastName ?? 'garcia',
    `${b?.firstName ?? 'maria'} ${b?.lastName ?? 'garcia'}`,
    (c?.firstName ?? 'mar').slice(0, 3),
    phone(d),
    phone(e).replace(/\D/g, ''),
    a?.email ?? 'nobody@example.com',
    c?.id ?? 'lead-1',
    'tundra',
    'heated seats',
    'negotiable',
    'available',
    'xylophone',
  ];
  return terms.map((search, i) => ({
    folder: i % 4 === 3 ? 'awaiting' : 'inbox',
    filters: i % 3 === 2 ? { ...NO_FILTERS, storeIds: ids.stores.slice(0, 2) } : NO_FILTERS,
    search,
    sort: 'newest',
    after: null,
    limit: 50,
  }));
}

interface Call {
  sql: string;
  args: unknown[];
}

/**
 * Records every statement the replica runs, with its arguments, by wrapping better-sqlite3's
 * prepare (SQLite's own trace shortens long parameters, so it cannot be replayed).
 */
function recordCalls(calls: Call[]): void {
  const prepare = Database.prototype.prepare;
  Database.prototype.prepare = function (this: Database.Database, sql: string) {
    const statement = prepare.call(this, sql) as Database.Statement;
    for (const method of ['run', 'get', 'all'] as const) {
      const original = statement[method].bind(statement) as (...args: unknown[]) => unknown;
      (statement as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
        calls.push({ sql, args });
        return original(...args);
      };
    }
    return statement;
  } as typeof prepare;
}

interface Measured {
  samples: number[];
  floor: number[];
}

/** Runs each case through the API, tracing its SQL; then the traced SQL bare, as the floor. */
function measure(
  replica: Replica,
  calls: Call[],
  raw: Database.Database,
  cases: (() => void)[],
): Measured {
  const result: Measured = { samples: [], floor: [] };
  for (const run of cases) {
    calls.length = 0;
    run();
    const bare = calls.map(({ sql, args }) => ({ statement: raw.prepare(sql), args }));
    const runBare = () => bare.forEach(({ statement, args }) => statement.all(...args));
    for (let i = 0; i < 3; i++) run();
    const mine: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      replica.applyChanges([]); // a write between rounds, as in use: no memo carries over
      mine.push(time(run));
      result.floor.push(time(runBare));
    }
    result.samples.push(...mine);
    if (process.env.BENCH_VERBOSE) {
      console.log(
        `  case ${result.samples.length / ROUNDS}: p50 ${percentile(mine, 50).toFixed(2)} p95 ${percentile(mine, 95).toFixed(2)} ms`,
      );
    }
  }
  return result;
}

function summarise(name: string, measured: Measured, p95Target: number): void {
  report(`${name}.p50`, percentile(measured.samples, 50), 'ms');
  report(`${name}.p95`, percentile(measured.samples, 95), 'ms', ['<=', p95Target]);
  report(`${name}.floor.p50`, percentile(measured.floor, 50), 'ms');
  report(`${name}.floor.p95`, percentile(measured.floor, 95), 'ms');
  const ratio = percentile(measured.samples, 50) / percentile(measured.floor, 50);
  report(`${name}.vs-floor`, ratio, 'x', ['<=', 1.3]);
}

function main(): void {
  prepareFile();
  const ids = readIds();
  const calls: Call[] = [];
  recordCalls(calls);
  const opened = openReplica(FILE);
  if (!opened.ok) throw new Error(opened.health.message);
  const replica = opened.replica;
  const queue = queueCases(ids).map((query) => () => {
    replica.queuePage(query);
    replica.folderCounts(query.filters);
  });
  // Second pages too: keyset pagination costs the same deep in the list.
  const nextPages = queueCases(ids)
    .slice(0, 6)
    .map((query) => {
      const after = replica.queuePage(query).next;
      return () => {
        replica.queuePage({ ...query, after });
        replica.folderCounts(query.filters);
      };
    });
  summarise('queue+counts', measure(replica, calls, ids.raw, [...queue, ...nextPages]), 10);
  const search = searchCases(ids).map((query) => () => void replica.queuePage(query));
  summarise('search', measure(replica, calls, ids.raw, search), 20);
  ids.raw.close();
  replica.close();
}

main();
