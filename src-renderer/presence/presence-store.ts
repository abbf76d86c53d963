import { create } from 'zustand';
import type { ManualPresence, Presence } from '../../src-shared/presence/presence';
import { request } from '../api/request';

interface PresenceStoreState {
  /** This desk's presence; null until the core answered. */
  presence: Presence | null;
  /** The choice being sent, so the menu can say so (and not be chosen twice). */
  choosing: ManualPresence | null;
  set(presence: Presence): void;
  load(): Promise<void>;
  choose(state: ManualPresence): Promise<void>;
}

/** The signed-in person's own presence (DESIGN §6), as the core's presence machine has it. */
export const usePresence = create<PresenceStoreState>()((set) => ({
  presence: null,
  choosing: null,
  set: (presence) => set({ presence }),
  load: async () => {
    const presence = await request('getPresence', {}, 'read your status');
    if (presence) set({ presence });
  },
  choose: async (state) => {
    set({ choosing: state });
    const presence = await request('setPresence', { state }, 'change your status');
    set(presence ? { presence, choosing: null } : { choosing: null });
  },
}));
