import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { NO_FILTERS, type Lead, type SyncChange } from '../../../src-shared';
import { generateDemo } from '../../../src-shared/demo';
import type { Replica } from '../../../src-main/replica/replica';
import { mustOpen, tempDir } from './temp';

// More leads than one transaction indexes inline (INLINE_REINDEX_LIMIT is 500).
const LEADS = 700;
const NOW = Date.UTC(2026, 5, 1, 15);

const temp = tempDir();
const replicas: Replica[] = [];
afterEach(() => {
  for (const replica of replicas.splice(0)) replica.close();
});
afterAll(() => temp.cleanup());

function demoBatches(): SyncChange[][] {
  return [...generateDemo({ seed: 5, leads: LEADS, now: NOW })];
}

function open(name: string): Replica {
  const replica = mustOpen(temp.file(name));
  replicas.push(replica);
  return replica;
}

function found(replica: Replica, text: string): string[] {
  const ids: string[] = [];
  let after: string | null = null;
  do {
    const page = replica.queuePage({
      folder: 'inbox',
      filters: NO_FILTERS,
      search: text,
      sort: 'newest',
      after,
      limit: 200,
    });
    ids.push(...page.rows.map((row) => row.id));
    after = page.next;
  } while (after);
  return ids.sort();
}

/** The demo's leads that have a first and a last name (some are still "Unknown"). */
const leadsOf = (batches: SyncChange[][]) =>
  batches
    .flat()
    .flatMap((change) =>
      change.table === 'leads' && change.op === 'upsert' ? [change.row as Lead] : [],
    )
    .filter((lead) => lead.firstName && lead.lastName);

/** Words a person might search by: first names, email domains, message words. */
const PROBES = ['dana', 'tacoma', 'trade', 'financing', 'gmail', 'maria', 'truck', 'price', 'hola'];

describe('a bulk load indexes its leads for search in one pass', () => {
  it('finds nothing of the bulk until refreshSearch, then exactly what inline indexing finds', () => {
    const batches = demoBatches();
    const inline = open('inline.db');
    for (const batch of batches) inline.applyChanges(batch); // 250 leads a batch: inline
    const bulk = open('bulk.db');
    bulk.applyChanges(batches.flat());

    const name = leadsOf(batches)[42]!.lastName!;
    expect(found(inline, name).length).toBeGreaterThan(0);
    expect(found(bulk, name)).toEqual([]);

    expect(bulk.refreshSearch()).toBe(LEADS);
    for (const probe of [name, ...PROBES]) {
      expect(found(bulk, probe), probe).toEqual(found(inline, probe));
    }
    expect(PROBES.some((probe) => found(bulk, probe).length > 0)).toBe(true);
    expect(bulk.refreshSearch()).toBe(0);
  });

  it('indexes a stale lead as it is after later changes, and forgets a deleted one', () => {
    const batches = demoBatches();
    const replica = open('later.db');
    replica.applyChanges(batches.flat());
    const leads = leadsOf(batches);
    const renamed = { ...leads[10]!, firstName: 'Zebulon', lastName: 'Quackenbush' };
    const deleted = leads[11]!;
    replica.applyChanges([
      { table: 'leads', op: 'upsert', row: renamed },
      { table: 'leads', op: 'delete', id: deleted.id },
    ]);
    expect(found(replica, 'quackenbush')).toEqual([renamed.id]); // a small apply is inline

    replica.refreshSearch();
    expect(found(replica, 'quackenbush')).toEqual([renamed.id]);
    expect(found(replica, leads[10]!.lastName!)).not.toContain(renamed.id);
    expect(found(replica, deleted.lastName!)).not.toContain(deleted.id);
  });

  it('is refreshed by optimize, so a search after a first sync finds everything', () => {
    const batches = demoBatches();
    const replica = open('optimized.db');
    replica.applyChanges(batches.flat());
    replica.optimize();
    const lead = leadsOf(batches)[300]!;
    expect(found(replica, lead.id)).toEqual([lead.id]);
    expect(found(replica, `${lead.firstName} ${lead.lastName}`)).toContain(lead.id);
  });
});
