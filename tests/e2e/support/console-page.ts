import { errors, type Locator, type Page } from 'playwright-core';
import { FOLDERS, type Folder, type FolderCounts } from '../../../src-shared/folders/folders';
import type { QueueFilters } from '../../../src-shared/folders/filters';
import type { QueueSort } from '../../../src-shared/folders/queue';
import { describeFilters } from '../../../src-renderer/conversations/sidebar/describe-filters';

export interface QueueExpectation {
  folder?: Folder;
  search?: string;
  filters?: QueueFilters;
  sort?: QueueSort;
}

/** The part of a DOM element this file touches; it is type-checked without the DOM library. */
interface PageElement {
  getAttribute(name: string): string | null;
}

/** Runs in the page: serialised by Playwright, so it may use only its arguments. */
const readAttributes = ((elements: PageElement[], names: string[]) =>
  elements.map((el) => names.map((name) => el.getAttribute(name) ?? ''))) as (
  elements: unknown[],
  names: string[],
) => string[][];

/** Long enough for a slow CI machine; every wait ends as soon as its condition holds. */
const WAIT_MS = 30_000;

/**
 * The conversations page as a user sees it, read through the renderer's `data-testid`s. Every
 * method waits on a condition in the page (a count shown, the queue settled), never on time.
 */
export class ConsolePage {
  constructor(readonly page: Page) {}

  async waitUntilOpen(): Promise<void> {
    await this.page.getByTestId('signed-in-as').waitFor({ timeout: WAIT_MS });
    await this.page
      .locator('[data-testid="folder-count-inbox"][data-count]')
      .waitFor({ timeout: WAIT_MS });
    await this.waitForQueue();
  }

  folderCount(folder: Folder): Locator {
    return this.page.getByTestId(`folder-count-${folder}`);
  }

  /** Waits until a folder shows `expected` (counts are re-asked after every filter change). */
  async waitForFolderCount(folder: Folder, expected: number): Promise<void> {
    await this.page
      .locator(`[data-testid="folder-count-${folder}"][data-count="${expected}"]`)
      .waitFor({ timeout: WAIT_MS });
  }

  /**
   * Waits for every folder to show the expected count, then returns what they show: on a
   * mismatch the test's `toEqual` names each wrong folder instead of a bare timeout.
   */
  async folderCountsOnceSettled(expected: FolderCounts): Promise<Record<Folder, number | null>> {
    try {
      for (const folder of FOLDERS) await this.waitForFolderCount(folder, expected[folder]);
    } catch (error) {
      if (!(error instanceof errors.TimeoutError)) throw error;
    }
    const shown = {} as Record<Folder, number | null>;
    for (const folder of FOLDERS) {
      const raw = await this.folderCount(folder).getAttribute('data-count');
      shown[folder] = raw === null ? null : Number(raw);
    }
    return shown;
  }

  async openFolder(folder: Folder): Promise<void> {
    await this.page.getByTestId(`folder-${folder}`).click();
    await this.page.locator(`[data-testid="folder-${folder}"][data-active="true"]`).waitFor();
    await this.waitForQueue({ folder, search: '' });
  }

  /**
   * Waits until the queue has answered its latest query, and when given, that this query is for
   * this folder, search and filters (so a test never reads the rows of the query before).
   */
  async waitForQueue(query: QueueExpectation = {}): Promise<void> {
    const attributes = [
      '[data-testid="queue"][data-loading="false"]',
      query.folder === undefined ? '' : `[data-folder="${query.folder}"]`,
      query.sort === undefined ? '' : `[data-sort="${query.sort}"]`,
      query.search === undefined ? '' : `[data-search=${JSON.stringify(query.search)}]`,
      query.filters === undefined
        ? ''
        : `[data-filters=${JSON.stringify(describeFilters(query.filters))}]`,
    ];
    await this.page.locator(attributes.join('')).waitFor({ timeout: WAIT_MS });
  }

  /** The lead ids of the rows drawn now (the queue is virtualised: the top of the list). */
  async visibleLeadIds(): Promise<string[]> {
    return this.attributeOfEach(this.page.getByTestId('queue-row'), 'data-lead-id');
  }

  /** Reads one attribute of every match, in document order. */
  async attributeOfEach(locator: Locator, name: string): Promise<string[]> {
    return (await this.attributesOfEach(locator, [name])).map(([value]) => value ?? '');
  }

  /** Reads attributes of every match in one step, so a re-render cannot mix two rows' values. */
  async attributesOfEach(locator: Locator, names: string[]): Promise<string[][]> {
    return locator.evaluateAll(readAttributes, names);
  }

  /**
   * Every lead id of the queue, top to bottom, scrolling through the virtualised list (and the
   * pages it loads) until the last row is drawn.
   */
  async collectQueueLeadIds(): Promise<string[]> {
    const byIndex = new Map<number, string>();
    const rows = this.page.getByTestId('queue-row');
    const queue = this.page.getByTestId('queue');
    for (;;) {
      for (const [index, id] of await this.attributesOfEach(rows, ['data-index', 'data-lead-id'])) {
        byIndex.set(Number(index), id ?? '');
      }
      const last = Math.max(-1, ...byIndex.keys());
      const complete = (await queue.getAttribute('data-complete')) === 'true';
      if (complete && last === Number(await queue.getAttribute('data-rows')) - 1) break;
      // Bring the lowest drawn row into view; the list then draws (or loads) the ones after it.
      await this.page
        .locator(`[data-testid="queue-row"][data-index="${last}"]`)
        .scrollIntoViewIfNeeded();
      await this.page
        .locator(`[data-testid="queue-row"][data-index="${last + 1}"]`)
        .waitFor({ timeout: WAIT_MS });
    }
    return [...byIndex.keys()].sort((a, b) => a - b).map((i) => byIndex.get(i) ?? '');
  }

  queueRow(leadId: string): Locator {
    return this.page.locator(`[data-testid="queue-row"][data-lead-id="${leadId}"]`);
  }

  async toggleFilter(kind: keyof QueueFilters, value: string): Promise<void> {
    const section = this.page.getByTestId(`filter-${kind}`);
    if ((await section.getAttribute('open')) === null) await section.locator('summary').click();
    await section.locator(`[data-testid="filter-option-${kind}"][data-value="${value}"]`).click();
  }

  /** Types into the search box and waits for the results (a search looks in every folder). */
  async search(text: string): Promise<void> {
    await this.page.getByTestId('search-input').fill(text);
    await this.waitForQueue({ search: text.trim() });
  }

  async openLead(leadId: string): Promise<void> {
    await this.queueRow(leadId).click();
    await this.page
      .locator(`[data-testid="thread"][data-lead-id="${leadId}"][data-loading="false"]`)
      .waitFor({ timeout: WAIT_MS });
  }

  /** Scrolls the thread up until its first item is loaded; returns every item, top to bottom. */
  async readWholeThread(): Promise<Array<{ id: string; at: number; kind: string }>> {
    const thread = this.page.getByTestId('thread');
    const items = this.page.getByTestId('thread-item');
    const complete = this.page.locator('[data-testid="thread"][data-complete="true"]');
    while (!(await complete.count())) {
      const loaded = await items.count();
      // As a reader would: the wheel over the thread, up to its top, which asks for older items.
      await thread.hover();
      await this.page.mouse.wheel(0, -1_000_000);
      await complete.or(items.nth(loaded)).first().waitFor({ timeout: WAIT_MS });
    }
    const ids = await this.attributeOfEach(items, 'data-id');
    const ats = await this.attributeOfEach(items, 'data-at');
    const kinds = await this.attributeOfEach(items, 'data-kind');
    return ids.map((id, i) => ({ id, at: Number(ats[i]), kind: kinds[i] ?? '' }));
  }
}
