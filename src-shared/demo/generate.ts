import type { SyncChange, SyncTable, SyncRow } from '../sync/changes';
import { DEMO_FUNNELS, DEMO_LABELS, DEMO_SAVED_REPLIES } from './catalog/lists';
import { DEMO_STORES, DEMO_TENANT } from './catalog/stores';
import { DEMO_USER_ROWS } from './catalog/users';
import { DAY } from './clock';
import { THREAD_LINES_EN, THREAD_LINES_ES } from './content/thread-lines';
import { phoneOffset } from './content/phones';
import { demoId } from './ids';
import { DEMO_FIXTURE_LEAD, FIXTURE_PROFILE, fixtureStory } from './leads/fixture';
import { placeStory } from './leads/place';
import { drawProfile, type ProfileContext } from './leads/profile';
import { emptyLeadRows, leadRows, type LeadRows } from './leads/rows';
import { mixSeed, Rng } from './random';

export interface DemoOptions {
  /** Any safe integer; the same seed (and options) gives byte-identical output. */
  seed: number;
  /** How many leads, the fixture lead included (it is lead #0 when leads >= 1). */
  leads: number;
  /** The instant the demo happens "now", epoch ms: history lies before it, bookings after. */
  now: number;
  /** Leads per yielded batch (each with its conversations, messages, events, appointments). */
  batchSize?: number;
}

/**
 * 250 leads make a batch of about 4,000 rows. Measured on 100k leads: a batch that fits V8's
 * young generation lets its rows die young; at 1,000 leads every row outlives a scavenge and
 * generating takes twice the CPU, the difference all garbage collection.
 */
export const DEFAULT_BATCH_LEADS = 250;

/** Past this the customer phone numbers would repeat (see content/phones.ts). */
export const MAX_DEMO_LEADS = 3_000_000;

function upserts<T extends SyncTable>(table: T, rows: readonly SyncRow<T>[]): SyncChange[] {
  return rows.map((row) => ({ table, op: 'upsert', row }) as SyncChange);
}

function checkOptions({ seed, leads, now, batchSize = DEFAULT_BATCH_LEADS }: DemoOptions) {
  if (!Number.isSafeInteger(seed))
    throw new RangeError(`demo seed must be an integer, got ${seed}`);
  if (!Number.isInteger(leads) || leads < 0 || leads > MAX_DEMO_LEADS) {
    throw new RangeError(`demo leads must be an integer from 0 to ${MAX_DEMO_LEADS}, got ${leads}`);
  }
  if (!Number.isInteger(now) || now < 2 * 365 * DAY) {
    throw new RangeError(`demo now must be epoch milliseconds, got ${now}`);
  }
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`demo batchSize must be a positive integer, got ${batchSize}`);
  }
}

/**
 * The demo dealer group as sync changes, parents before children: the tenant, stores,
 * campaigns, users, the lists; then leads in batches, each batch's leads followed by their
 * conversations, messages, timeline events and appointments.
 */
export function* generateDemo(options: DemoOptions): Generator<SyncChange[]> {
  checkOptions(options);
  const { leads, now, batchSize = DEFAULT_BATCH_LEADS } = options;
  // The seed may be any safe integer; the PRNG takes 32 bits, so fold the high bits in.
  const seed = (options.seed >>> 0) ^ Math.floor(options.seed / 2 ** 32);
  const ctx: LeadContext = {
    seed,
    now,
    seedBits: mixSeed(seed, -2) & 0xfff,
    managerId: DEMO_USER_ROWS.find((u) => u.role === 'manager')?.id ?? '',
    year: new Date(now).getUTCFullYear(),
    phoneOffset: phoneOffset(mixSeed(seed, -1)),
  };

  yield upserts('tenants', [DEMO_TENANT]);
  yield upserts(
    'stores',
    DEMO_STORES.map((s) => s.row),
  );
  yield upserts(
    'campaigns',
    DEMO_STORES.flatMap((s) => s.campaigns),
  );
  yield upserts('users', DEMO_USER_ROWS);
  yield [
    ...upserts('labels', DEMO_LABELS),
    ...upserts('saved_replies', DEMO_SAVED_REPLIES),
    ...upserts('funnels', DEMO_FUNNELS),
  ];

  for (let from = 0; from < leads; from += batchSize) {
    const rows = emptyLeadRows();
    const until = Math.min(leads, from + batchSize);
    for (let index = from; index < until; index++) addLead(rows, index, ctx);
    yield chunkChanges(rows);
  }
}

interface LeadContext extends ProfileContext {
  seed: number;
  now: number;
  seedBits: number;
}

/**
 * Lead i draws from a PRNG seeded by (seed, i) alone, so it is the same lead whatever the
 * number of leads asked for. Lead 0 is the fixture the e2e tests look for.
 */
function addLead(rows: LeadRows, index: number, ctx: LeadContext) {
  const { now, seedBits, managerId } = ctx;
  if (index === 0) {
    const story = fixtureStory(now);
    leadRows(rows, new Rng(0), FIXTURE_PROFILE, story, DEMO_FIXTURE_LEAD.id, 0, managerId);
    return;
  }
  const leadSeed = mixSeed(ctx.seed, index);
  const rng = new Rng(mixSeed(leadSeed, 1));
  const profile = drawProfile(rng, index, ctx);
  const lines = profile.plan.spanish ? THREAD_LINES_ES : THREAD_LINES_EN;
  const story = placeStory(rng, profile, lines, leadSeed, now);
  const createdAt = Math.min(story.messages[0]?.at ?? now, story.events[0]?.at ?? now);
  const leadId = demoId('lead', createdAt, seedBits, index, 0);
  leadRows(rows, rng, profile, story, leadId, seedBits, managerId);
}

function chunkChanges(rows: LeadRows): SyncChange[] {
  const { leads, conversations, messages, events, appointments } = rows;
  return ([] as SyncChange[]).concat(leads, conversations, messages, events, appointments);
}
