import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FOLDERS,
  NO_FILTERS,
  isInFolder,
  matchesFilters,
  phoneSearchDigits,
  type Folder,
  type QueueFilters,
} from '../../../src-shared';
import { applyChanges } from '../../../src-main/replica/apply/apply-changes';
import { nationalDigits } from '../../../src-main/replica/apply/leads';
import { openReplicaDatabase } from '../../../src-main/replica/open-database';
import { queuePage } from '../../../src-main/replica/queries/queue';
import type { QueuePlan } from '../../../src-main/replica/queries/queue-plan';
import { Statements } from '../../../src-main/replica/statements';
import { mustOpen, tempDir } from './temp';
import { expectedOrder, walkQueue } from './walk';
import { KNOWN, makeWorld, type World } from './world';

let world: World;
let statements: Statements;
const temp = tempDir();

beforeAll(() => {
  world = makeWorld(11);
  const opened = openReplicaDatabase(temp.file());
  if (!opened.ok) throw new Error(opened.health.message);
  statements = new Statements(opened.db);
  for (const batch of world.batches) applyChanges(statements, batch);
});
afterAll(() => {
  statements.db.close();
  temp.cleanup();
});

const known = () => world.leads.find((lead) => lead.id === KNOWN.leadId)!;

function search(
  text: string,
  folder: Folder = 'inbox',
  filters: QueueFilters = NO_FILTERS,
  forced?: QueuePlan,
) {
  return walkQueue((after) =>
    queuePage(
      statements,
      { folder, filters, search: text, sort: 'newest', after, limit: 5 },
      forced,
    ),
  );
}

const tokens = (text: string | null) => (text ?? '').toLowerCase().split(/[^\p{L}\p{N}]+/u);

/** What a one-word search must find: a name, email or message word starting with it. */
function expectedForWord(word: string, folder: Folder, filters: QueueFilters): string[] {
  const ids = world.leads
    .filter((lead) => {
      const facts = world.facts.get(lead.id)!;
      if (!isInFolder(facts, folder) || !matchesFilters(facts, filters)) return false;
      const own = [...tokens(lead.firstName), ...tokens(lead.lastName), ...tokens(lead.email)];
      if (!lead.firstName && !lead.lastName) own.push('unknown');
      const said = world.messagesByLead.get(lead.id)!.flatMap((m) => tokens(m.body));
      return [...own, ...said].some((token) => token.startsWith(word));
    })
    .map((lead) => lead.id);
  return expectedOrder(world, ids, 'newest');
}

describe('search finds leads by what a person remembers of them', () => {
  it('finds a lead by name, as typed', () => {
    expect(search('zoe quist')).toEqual([KNOWN.leadId]);
    expect(search('Quis')).toEqual([KNOWN.leadId]);
  });

  it('finds a lead by phone in any format', () => {
    for (const typed of [
      '(970) 123-4567',
      '970.123.4567',
      '+1 970 123 4567',
      '19701234567',
      '123-4567',
    ]) {
      expect(search(typed), typed).toEqual([KNOWN.leadId]);
    }
  });

  it('finds a lead by a word of its messages', () => {
    expect(search(KNOWN.word)).toEqual([KNOWN.leadId]);
    expect(search(KNOWN.word.toUpperCase().slice(0, 5))).toEqual([KNOWN.leadId]);
  });

  it('finds a lead by email and by its exact id', () => {
    expect(search(KNOWN.email)).toEqual([KNOWN.leadId]);
    expect(search(KNOWN.leadId)).toContain(KNOWN.leadId);
  });

  it('is narrowed by the filters and the folder', () => {
    const lead = known();
    const otherStore = ['store-a', 'store-b', 'store-c'].find((id) => id !== lead.storeId)!;
    expect(search(KNOWN.word, 'inbox', { ...NO_FILTERS, storeIds: [lead.storeId] })).toEqual([
      KNOWN.leadId,
    ]);
    expect(search(KNOWN.word, 'inbox', { ...NO_FILTERS, storeIds: [otherStore] })).toEqual([]);
    const facts = world.facts.get(lead.id)!;
    const outside = FOLDERS.find((folder) => !isInFolder(facts, folder))!;
    expect(search(KNOWN.word, outside)).toEqual([]);
  });

  it('finds nothing for a word nobody used', () => {
    expect(search('xylophone')).toEqual([]);
  });

  it('gives the same leads, in queue order, whichever way it runs', () => {
    const cases: [string, Folder, QueueFilters][] = [
      ['trade', 'inbox', NO_FILTERS],
      ['pri', 'hot', NO_FILTERS],
      ['maria', 'inbox', { ...NO_FILTERS, storeIds: ['store-b'] }],
      ['thanks', 'awaiting', { ...NO_FILTERS, labelIds: ['label-vip', 'label-trade'] }],
      [
        'garcia',
        'inbox',
        {
          ...NO_FILTERS,
          assigneeIds: ['user-1', 'unassigned'],
          sources: ['Text', 'Chat', 'Email'],
        },
      ],
    ];
    for (const [word, folder, filters] of cases) {
      const want = expectedForWord(word, folder, filters);
      expect(want.length, `${word} finds something`).toBeGreaterThan(0);
      expect(search(word, folder, filters), `${word} as chosen`).toEqual(want);
      for (const plan of ['hits', 'scan', 'segment', 'labels'] as const) {
        expect(search(word, folder, filters, plan), `${word} ${plan}`).toEqual(want);
      }
    }
  });
});

describe('phone digits', () => {
  it('are read the same way for storing as phoneSearchDigits reads them for searching', () => {
    for (const e164 of [
      '+19701234567',
      '+12125550100',
      '+447911123456',
      '+5215512345678',
      '+61412345678',
    ]) {
      expect(nationalDigits(e164), e164).toBe(phoneSearchDigits(e164));
    }
  });
});

describe('a prefix that many words start with', () => {
  it('still finds every lead whose word starts with it', () => {
    const own = tempDir();
    const replica = mustOpen(own.file());
    try {
      const base = world.leads[1]!;
      const suffixes = Array.from({ length: 20 }, (_, i) => String.fromCharCode(97 + i)); // a..t
      replica.applyChanges(
        suffixes.map((suffix, i) => ({
          table: 'leads',
          op: 'upsert',
          row: { ...base, id: `lead-z${i}`, firstName: `Zedd${suffix}`, lastName: 'Test' },
        })),
      );
      const found = (text: string) =>
        replica
          .queuePage({
            folder: 'inbox',
            filters: NO_FILTERS,
            search: text,
            sort: 'newest',
            after: null,
            limit: 50,
          })
          .rows.map((row) => row.id)
          .sort();
      expect(found('zedd')).toHaveLength(20); // more words than are spelt out one by one
      expect(found('zedda')).toEqual(['lead-z0']);
      expect(found('test zeddb')).toEqual(['lead-z1']);
      expect(found('zeddz')).toEqual([]);
    } finally {
      replica.close();
      own.cleanup();
    }
  });
});
