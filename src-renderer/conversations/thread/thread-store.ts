import { create } from 'zustand';
import type { LeadDetail, ThreadItem } from '../../../src-shared/console-api/views';
import { request } from '../../api/request';

export const THREAD_PAGE_SIZE = 50;

interface ThreadState {
  leadId: string | null;
  detail: LeadDetail | null;
  /** Oldest first, as the thread reads. */
  items: ThreadItem[];
  /** Cursor of the older page; null when the start of the thread is loaded. */
  before: string | null;
  loading: boolean;
  loadingOlder: boolean;
  open(leadId: string): Promise<void>;
  loadOlder(): Promise<void>;
  /** Re-reads the lead and the newest page after the replica changed, keeping older pages. */
  refresh(): Promise<void>;
}

export function threadItemKey(item: ThreadItem): string {
  return item.kind === 'message' ? `m:${item.message.id}` : `e:${item.event.id}`;
}

/** Bumped when another lead opens so that a late answer for the previous one is dropped. */
let generation = 0;

export const useThread = create<ThreadState>()((set, get) => {
  const fetchLead = (leadId: string) => request('getLead', { leadId }, 'open the lead');
  const fetchPage = (leadId: string, before: string | null) =>
    request('getThread', { leadId, before, limit: THREAD_PAGE_SIZE }, 'load the conversation');

  return {
    leadId: null,
    detail: null,
    items: [],
    before: null,
    loading: false,
    loadingOlder: false,
    open: async (leadId) => {
      const mine = ++generation;
      set({ leadId, detail: null, items: [], before: null, loading: true, loadingOlder: false });
      const [detail, page] = await Promise.all([fetchLead(leadId), fetchPage(leadId, null)]);
      if (mine !== generation) return;
      set({ detail, items: page?.items ?? [], before: page?.before ?? null, loading: false });
    },
    loadOlder: async () => {
      const { leadId, before, loading, loadingOlder } = get();
      if (!leadId || !before || loading || loadingOlder) return;
      const mine = generation;
      set({ loadingOlder: true });
      const page = await fetchPage(leadId, before);
      if (mine !== generation) return;
      set(({ items }) => ({
        items: page ? [...page.items, ...items] : items,
        // On failure stop paging (the error is shown) instead of retrying at every scroll.
        before: page ? page.before : null,
        loadingOlder: false,
      }));
    },
    refresh: async () => {
      const { leadId } = get();
      if (!leadId) return;
      const mine = generation;
      const [detail, page] = await Promise.all([fetchLead(leadId), fetchPage(leadId, null)]);
      if (mine !== generation || !page) return;
      set(({ items, before }) => {
        const fresh = new Set(page.items.map(threadItemKey));
        const oldestFresh = page.items[0]?.at ?? Infinity;
        // Keep the older pages already read; the newest page replaces what it covers.
        const older = items.filter((i) => i.at <= oldestFresh && !fresh.has(threadItemKey(i)));
        return {
          detail: detail ?? get().detail,
          items: [...older, ...page.items],
          before: older.length > 0 ? before : page.before,
        };
      });
    },
  };
});
