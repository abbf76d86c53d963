import { useSidebar } from '../conversations/sidebar/sidebar-store';
import { useQueue } from '../conversations/queue/queue-store';
import { useThread } from '../conversations/thread/thread-store';
import { useDirectory } from '../directory/directory-store';
import { coalesce } from '../lib/coalesce';

/**
 * Re-asks everything on screen: after `replicaChanged` (a pull or a local change) and after the
 * local cache was reset. Coalesced, so a burst of changes costs at most one more round.
 */
export const refreshConsole = coalesce(async () => {
  await Promise.all([
    useDirectory.getState().load(),
    useSidebar.getState().refreshCounts(),
    useQueue.getState().refresh(),
    useThread.getState().refresh(),
  ]);
});
