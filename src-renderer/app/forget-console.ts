import type { StoreApi } from 'zustand';
import { useCallErrors } from '../api/call-errors-store';
import { useRejectedChanges } from '../changes/rejected-changes-store';
import { useQueue } from '../conversations/queue/queue-store';
import { useSidebar } from '../conversations/sidebar/sidebar-store';
import { useThread } from '../conversations/thread/thread-store';
import { useDirectory } from '../directory/directory-store';
import { useReplicaHealth } from '../notices/replica-health-store';

function reset<T>(store: StoreApi<T>): void {
  store.setState(store.getInitialState(), true);
}

/**
 * Puts every console store back as it was before anyone signed in: on a shared PC the next
 * agent must not glimpse the previous one's queue, lead or notices (DESIGN §10).
 */
export function forgetConsole(): void {
  reset(useDirectory);
  reset(useSidebar);
  reset(useQueue);
  reset(useThread);
  reset(useReplicaHealth);
  reset(useCallErrors);
  reset(useRejectedChanges);
}
