import { create } from 'zustand';
import type { QueueRow } from '../../../src-shared/console-api/views';
import type { QueueQuery, QueueSort } from '../../../src-shared/folders/queue';
import { request } from '../../api/request';

export type QueueSelection = Omit<QueueQuery, 'after' | 'limit' | 'sort'>;

export const QUEUE_PAGE_SIZE = 50;

interface QueueState {
  selection: QueueSelection | null;
  sort: QueueSort;
  rows: QueueRow[];
  /** Cursor of the next page; null once the last page is in. */
  next: string | null;
  /** True from the first request until its first page arrives. */
  loading: boolean;
  loadingMore: boolean;
  show(selection: QueueSelection): Promise<void>;
  setSort(sort: QueueSort): Promise<void>;
  loadMore(): Promise<void>;
  /** Re-reads as many rows as are loaded, after the replica changed, without a jump to the top. */
  refresh(): Promise<void>;
}

/** Bumped by every new selection so that a late page of an old one is dropped. */
let generation = 0;

export const useQueue = create<QueueState>()((set, get) => {
  const fetchPage = (after: string | null, limit = QUEUE_PAGE_SIZE) => {
    const { selection, sort } = get();
    if (!selection) return Promise.resolve(null);
    return request('getQueuePage', { ...selection, sort, after, limit }, 'load the queue');
  };

  /** `change` lands in the same update as `loading`, so no render pairs a new query with old rows. */
  const reload = async (change: Partial<Pick<QueueState, 'selection' | 'sort'>>) => {
    const mine = ++generation;
    set({ ...change, rows: [], next: null, loading: true, loadingMore: false });
    const page = await fetchPage(null);
    if (mine !== generation) return;
    set({ rows: page?.rows ?? [], next: page?.next ?? null, loading: false });
  };

  return {
    selection: null,
    sort: 'newest',
    rows: [],
    next: null,
    loading: false,
    loadingMore: false,
    show: (selection) => reload({ selection }),
    setSort: (sort) => reload({ sort }),
    loadMore: async () => {
      const { next, loading, loadingMore } = get();
      if (!next || loading || loadingMore) return;
      const mine = generation;
      set({ loadingMore: true });
      const page = await fetchPage(next);
      if (mine !== generation) return;
      // On failure the list stops here (the error is shown) rather than retrying on every scroll.
      set(({ rows }) => ({
        rows: page ? [...rows, ...page.rows] : rows,
        next: page ? page.next : null,
        loadingMore: false,
      }));
    },
    refresh: async () => {
      if (!get().selection) return;
      // A refresh replaces the rows, so a page still loading after the old cursor must not land.
      const mine = ++generation;
      const wanted = Math.max(get().rows.length, QUEUE_PAGE_SIZE);
      const rows: QueueRow[] = [];
      let after: string | null = null;
      do {
        const page = await fetchPage(after, Math.min(200, wanted - rows.length));
        if (mine !== generation) return;
        if (!page) return set({ loading: false, loadingMore: false });
        rows.push(...page.rows);
        after = page.next;
      } while (after && rows.length < wanted);
      set({ rows, next: after, loading: false, loadingMore: false });
    },
  };
});
