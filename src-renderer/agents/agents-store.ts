import { create } from 'zustand';
import type { UserPresence } from '../../src-shared/presence/presence';
import { request } from '../api/request';

interface AgentsState {
  byUserId: ReadonlyMap<string, UserPresence>;
  loaded: boolean;
  /** Merges what the cloud says: a change may name only the users whose presence moved. */
  merge(presences: readonly UserPresence[]): void;
  load(): Promise<void>;
}

/** Every user's presence as the cloud sees it (managers and admins: the Agents panel). */
export const useAgentsPresence = create<AgentsState>()((set) => ({
  byUserId: new Map(),
  loaded: false,
  merge: (presences) =>
    set(({ byUserId }) => {
      const next = new Map(byUserId);
      for (const presence of presences) next.set(presence.userId, presence);
      return { byUserId: next };
    }),
  load: async () => {
    const presences = await request('getAgentsPresence', {}, "load the agents' status");
    if (!presences) return;
    // The answer is the whole list: a user missing from it is no longer known to be anywhere.
    set({ byUserId: new Map(presences.map((p) => [p.userId, p])), loaded: true });
  },
}));
