import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useQueue } from './queue/queue-store';
import { useSidebar } from './sidebar/sidebar-store';

/**
 * Asks for a new queue and new counts whenever the folder, filters or search change. A search
 * looks through every folder (the Inbox); filters still narrow it.
 */
export function useQueueFollowsSidebar(): void {
  const { folder, filters, search, restored } = useSidebar(
    useShallow((s) => ({
      folder: s.folder,
      filters: s.filters,
      search: s.search,
      restored: s.restored,
    })),
  );
  useEffect(() => {
    if (!restored) return;
    void useQueue.getState().show({ folder: search ? 'inbox' : folder, filters, search });
  }, [folder, filters, search, restored]);
  useEffect(() => {
    if (!restored) return;
    void useSidebar.getState().refreshCounts();
  }, [filters, restored]);
}
