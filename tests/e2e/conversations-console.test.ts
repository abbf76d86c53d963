/**
 * The conversations console end to end, in Chromium against the browser host with the demo
 * dealer group (2,000 leads). Every number the page shows is checked against the demo generated
 * again in the test and read with the pure folder rules (support/demo-truth.ts), so the test
 * fails when the UI or the replica's SQL lies.
 *
 * Needs no `npm run build`: support/build-renderer.ts builds the renderer into out/renderer when
 * it is missing or older than src-renderer/ or src-shared/. The host runs in this process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FIXTURE_LEAD } from '../../src-shared/demo';
import { NO_FILTERS, UNASSIGNED, type QueueFilters } from '../../src-shared/folders/filters';
import { FOLDERS, type Folder, type FolderCounts } from '../../src-shared/folders/folders';
import { startConsole, type ConsoleFixture } from './support/console-fixture';

describe('the conversations console', () => {
  let fx: ConsoleFixture;

  beforeAll(async () => {
    fx = await startConsole();
  });

  afterAll(async () => {
    await fx?.close();
  });

  async function expectCounts(expected: FolderCounts): Promise<void> {
    expect(await fx.console.folderCountsOnceSettled(expected)).toEqual(expected);
  }

  it('opens signed in, with every folder and a queue of leads', async () => {
    await expect(fx.page.getByTestId('signed-in-as').textContent()).resolves.toContain('·');
    for (const folder of FOLDERS) await fx.page.getByTestId(`folder-${folder}`).waitFor();
    expect((await fx.console.visibleLeadIds()).length).toBeGreaterThan(5);
  });

  it('shows for every folder the number of leads the demo data puts in it', async () => {
    const expected = fx.truth.counts();
    expect(expected.inbox).toBe(fx.truth.leads.size);
    await expectCounts(expected);
  });

  it('switching folders shows exactly that folder’s leads', async () => {
    const counts = fx.truth.counts();
    // The smallest non-empty folders are read whole (scrolling the virtualised list); the big
    // ones by the rows on screen, which must all belong.
    const small = FOLDERS.filter((f) => counts[f] > 0 && counts[f] <= 250);
    expect(small.length).toBeGreaterThan(0);
    for (const folder of small.slice(0, 3)) {
      await fx.console.openFolder(folder);
      const shown = await fx.console.collectQueueLeadIds();
      expect(new Set(shown).size).toBe(shown.length);
      expect(new Set(shown), folder).toEqual(fx.truth.leadIdsIn(folder));
    }
    for (const folder of ['hot', 'awaiting', 'dead'] satisfies Folder[]) {
      await fx.console.openFolder(folder);
      const shown = await fx.console.visibleLeadIds();
      expect(shown.length).toBeGreaterThan(0);
      const members = fx.truth.leadIdsIn(folder);
      for (const id of shown) expect(members.has(id), `${id} in ${folder}`).toBe(true);
    }
    await fx.console.openFolder('inbox');
  });

  it('sorts newest first, or the longest waiting first', async () => {
    await fx.console.openFolder('awaiting');
    const rows = fx.page.getByTestId('queue-row');
    const newest = (await fx.console.attributeOfEach(rows, 'data-last-message-at')).map(Number);
    expect(newest.length).toBeGreaterThan(1);
    expect(newest).toEqual([...newest].sort((a, b) => b - a));

    await fx.page.getByTestId('queue-sort').selectOption('longest_waiting');
    await fx.console.waitForQueue({ folder: 'awaiting', sort: 'longest_waiting' });
    const waiting = (await fx.console.attributeOfEach(rows, 'data-awaiting-since')).map(Number);
    expect(waiting).toEqual([...waiting].sort((a, b) => a - b));
    const awaitingSince = [...fx.truth.leadIdsIn('awaiting')].map(
      (id) => fx.truth.leads.get(id)?.awaitingSince ?? Infinity,
    );
    expect(waiting[0]).toBe(Math.min(...awaitingSince));

    await fx.page.getByTestId('queue-sort').selectOption('newest');
    await fx.console.waitForQueue({ sort: 'newest' });
    await fx.console.openFolder('inbox');
  });

  it('a filter narrows counts and queue; Save keeps it over a reload; Reset clears it', async () => {
    const storeId = DEMO_FIXTURE_LEAD.storeId;
    const byStore: QueueFilters = { ...NO_FILTERS, storeIds: [storeId] };
    const byStoreUnassigned: QueueFilters = { ...byStore, assigneeIds: [UNASSIGNED] };
    const unfiltered = fx.truth.counts();
    const storeCounts = fx.truth.counts(byStore);
    const unassignedCounts = fx.truth.counts(byStoreUnassigned);
    expect(storeCounts.inbox).toBeLessThan(unfiltered.inbox);
    expect(unassignedCounts.inbox).toBeLessThan(storeCounts.inbox);

    await fx.console.toggleFilter('storeIds', storeId);
    await expectCounts(storeCounts);
    await fx.console.waitForQueue({ filters: byStore });
    const storesShown = await fx.console.attributeOfEach(
      fx.page.getByTestId('queue-row'),
      'data-store-id',
    );
    expect(storesShown.length).toBeGreaterThan(0);
    expect(new Set(storesShown)).toEqual(new Set([storeId]));

    await fx.console.toggleFilter('assigneeIds', UNASSIGNED);
    await expectCounts(unassignedCounts);
    await fx.console.waitForQueue({ filters: byStoreUnassigned });
    const unassignedShown = await fx.console.visibleLeadIds();
    const unassignedIds = fx.truth.leadIdsIn('inbox', byStoreUnassigned);
    for (const id of unassignedShown) expect(unassignedIds.has(id), id).toBe(true);

    await fx.page.getByTestId('filters-save').click();
    await fx.page.getByTestId('filters-save').filter({ hasText: 'Saved' }).waitFor();
    await fx.reload();
    await expectCounts(unassignedCounts);
    await fx.console.waitForQueue({ filters: byStoreUnassigned });

    await fx.page.getByTestId('filters-reset').click();
    await expectCounts(unfiltered);
    await fx.console.waitForQueue({ filters: NO_FILTERS });
    await fx.reload();
    await expectCounts(unfiltered);
    await fx.console.waitForQueue({ filters: NO_FILTERS });
  });
});
