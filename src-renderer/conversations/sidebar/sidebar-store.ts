import { create } from 'zustand';
import { NO_FILTERS, type QueueFilters } from '../../../src-shared/folders/filters';
import type { Folder, FolderCounts } from '../../../src-shared/folders/folders';
import { request } from '../../api/request';

export type FilterKind = keyof QueueFilters;

interface SidebarState {
  folder: Folder;
  /** The filters in effect: counts and queue follow them at once, Save makes them stick. */
  filters: QueueFilters;
  savedFilters: QueueFilters;
  /** False until the saved filters are back, so the first queue query already uses them. */
  restored: boolean;
  /** The debounced search the queue is asked for (the box keeps its own keystrokes). */
  search: string;
  /** Bumped when the search is cleared from outside the box, which remounts it empty. */
  searchEpoch: number;
  counts: FolderCounts | null;
  setFolder(folder: Folder): void;
  setSearch(search: string): void;
  toggleFilter(kind: FilterKind, value: string): void;
  restoreSavedFilters(): Promise<void>;
  saveFilters(): Promise<void>;
  resetFilters(): Promise<void>;
  refreshCounts(): Promise<void>;
}

let countsGeneration = 0;

export const useSidebar = create<SidebarState>()((set, get) => ({
  folder: 'inbox',
  filters: NO_FILTERS,
  savedFilters: NO_FILTERS,
  restored: false,
  search: '',
  searchEpoch: 0,
  counts: null,
  // Search looks in every folder, so picking a folder ends the search (as in a mail client).
  setFolder: (folder) =>
    set(({ search, searchEpoch }) =>
      search ? { folder, search: '', searchEpoch: searchEpoch + 1 } : { folder },
    ),
  setSearch: (search) => set({ search: search.trim() }),
  toggleFilter: (kind, value) => {
    const current: readonly string[] = get().filters[kind];
    const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
    set({ filters: { ...get().filters, [kind]: next } });
  },
  restoreSavedFilters: async () => {
    const saved = await request('getSavedFilters', {}, 'restore your saved filters');
    set(saved ? { filters: saved, savedFilters: saved, restored: true } : { restored: true });
  },
  saveFilters: async () => {
    const saved = await request('saveFilters', { filters: get().filters }, 'save the filters');
    if (saved) set({ savedFilters: saved });
  },
  resetFilters: async () => {
    // Reset is also saved: a cleared sidebar that came back filtered after a restart would lie.
    set({ filters: NO_FILTERS });
    const saved = await request('saveFilters', { filters: NO_FILTERS }, 'reset the filters');
    if (saved) set({ savedFilters: saved });
  },
  refreshCounts: async () => {
    const generation = ++countsGeneration;
    const counts = await request(
      'getFolderCounts',
      { filters: get().filters },
      'count the folders',
    );
    // Only the answer to the latest filters may land; an older one would show stale counts.
    if (counts && generation === countsGeneration) set({ counts });
  },
}));

export function sameFilters(a: QueueFilters, b: QueueFilters): boolean {
  return (Object.keys(a) as FilterKind[]).every(
    (kind) =>
      a[kind].length === b[kind].length && a[kind].every((v) => (b[kind] as string[]).includes(v)),
  );
}
