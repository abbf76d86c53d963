import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FOLDERS,
  NO_FILTERS,
  UNASSIGNED,
  isInFolder,
  matchesFilters,
  type Folder,
  type QueueFilters,
  type QueueSort,
} from '../../../src-shared';
import { openReplicaDatabase } from '../../../src-main/replica/open-database';
import { applyChanges } from '../../../src-main/replica/apply/apply-changes';
import { folderCounts } from '../../../src-main/replica/queries/counts';
import { queuePage } from '../../../src-main/replica/queries/queue';
import type { QueuePlan } from '../../../src-main/replica/queries/queue-plan';
import { Statements } from '../../../src-main/replica/statements';
import { makeWorld, type World } from './world';
import { tempDir } from './temp';
import { expectedOrder, walkQueue } from './walk';

const f = (over: Partial<QueueFilters>): QueueFilters => ({ ...NO_FILTERS, ...over });

const FILTERS: [string, QueueFilters][] = [
  ['no filters', NO_FILTERS],
  ['one store', f({ storeIds: ['store-a'] })],
  ['two stores', f({ storeIds: ['store-a', 'store-c'] })],
  ['one campaign', f({ campaignIds: ['camp-2'] })],
  ['one label', f({ labelIds: ['label-vip'] })],
  ['two labels (any of)', f({ labelIds: ['label-vip', 'label-finance'] })],
  ['unassigned', f({ assigneeIds: [UNASSIGNED] })],
  ['an agent or unassigned', f({ assigneeIds: ['user-2', UNASSIGNED] })],
  ['two sources', f({ sources: ['Text', 'Website'] })],
  ['store and assignee', f({ storeIds: ['store-b'], assigneeIds: ['user-1', 'user-3'] })],
  [
    'store, label and source',
    f({
      storeIds: ['store-a', 'store-b'],
      labelIds: ['label-trade'],
      sources: ['Chat', 'Email', 'Text'],
    }),
  ],
  [
    'every facet',
    f({
      storeIds: ['store-a', 'store-b'],
      campaignIds: ['camp-1', 'camp-2', 'camp-4'],
      labelIds: ['label-vip', 'label-spanish'],
      assigneeIds: ['user-1', 'user-2', UNASSIGNED],
      sources: ['Text', 'Chat', 'Email', 'Phone'],
    }),
  ],
  ['nothing matches', f({ storeIds: ['store-nowhere'] })],
];

const PLANS: (QueuePlan | undefined)[] = [undefined, 'scan', 'segment', 'labels'];

let world: World;
let statements: Statements;
const temp = tempDir();

beforeAll(() => {
  world = makeWorld();
  const opened = openReplicaDatabase(temp.file());
  if (!opened.ok) throw new Error(opened.health.message);
  statements = new Statements(opened.db);
  for (const batch of world.batches) applyChanges(statements, batch);
});
afterAll(() => {
  statements.db.close();
  temp.cleanup();
});

function expectedIds(folder: Folder, filters: QueueFilters): string[] {
  return world.leads
    .filter((lead) => {
      const facts = world.facts.get(lead.id)!;
      return isInFolder(facts, folder) && matchesFilters(facts, filters);
    })
    .map((lead) => lead.id);
}

describe('folder counts and queues agree with isInFolder and matchesFilters', () => {
  it('the generated data puts leads in every folder', () => {
    for (const folder of FOLDERS)
      expect(expectedIds(folder, NO_FILTERS).length, folder).toBeGreaterThan(3);
  });

  for (const [name, filters] of FILTERS) {
    it(`counts every folder with ${name}`, () => {
      const counts = folderCounts(statements, filters);
      for (const folder of FOLDERS)
        expect(counts[folder], folder).toBe(expectedIds(folder, filters).length);
    });

    it(`pages every folder with ${name}, in order, by every plan`, () => {
      for (const folder of FOLDERS) {
        const expected = expectedIds(folder, filters);
        for (const sort of ['newest', 'longest_waiting'] as QueueSort[]) {
          const want = expectedOrder(world, expected, sort);
          for (const plan of PLANS) {
            const got = walkQueue((after) =>
              queuePage(statements, { folder, filters, search: '', sort, after, limit: 7 }, plan),
            );
            expect(got, `${folder} ${sort} ${plan ?? 'chosen'}`).toEqual(want);
          }
        }
      }
    });
  }
});
