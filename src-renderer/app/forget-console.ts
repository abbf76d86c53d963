import type { StoreApi } from 'zustand';
import { useAgentsPresence } from '../agents/agents-store';
import { useCallErrors } from '../api/call-errors-store';
import { useRejectedChanges } from '../changes/rejected-changes-store';
import { useQueue } from '../conversations/queue/queue-store';
import { useSidebar } from '../conversations/sidebar/sidebar-store';
import { useThread } from '../conversations/thread/thread-store';
import { useDirectory } from '../directory/directory-store';
import { useNotices } from '../notices/notice-store';
import { useReplicaHealth } from '../notices/replica-health-store';
import { forgetOffers } from '../offers/offers-store';
import { usePresence } from '../presence/presence-store';
import { useScreen } from './screen-store';

function reset<T>(store: StoreApi<T>): void {
  store.setState(store.getInitialState(), true);
}

/**
 * Puts every console store back as it was before anyone signed in: on a shared PC the next
 * agent must not glimpse the previous one's queue, lead, leads ringing, colleagues' presence
 * or notices (DESIGN §10). This PC's settings stay: they are not the agent's.
 */
export function forgetConsole(): void {
  reset(useDirectory);
  reset(useSidebar);
  reset(useQueue);
  reset(useThread);
  reset(useReplicaHealth);
  reset(useCallErrors);
  reset(useRejectedChanges);
  reset(usePresence);
  reset(useAgentsPresence);
  reset(useNotices);
  reset(useScreen);
  forgetOffers();
}
