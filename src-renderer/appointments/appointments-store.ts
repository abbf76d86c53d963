import { create } from 'zustand';
import type { AppointmentDay } from '../../src-shared/console-api/appointment-views';
import { request } from '../api/request';

interface AppointmentsState {
  /** Whose choice `storeId` and `day` are: another agent signing in on this PC starts afresh. */
  userId: string | null;
  storeId: string | null;
  /** YYYY-MM-DD in the store's time zone. */
  day: string | null;
  /** The answer for exactly `storeId` and `day`; null while it is asked for. */
  answer: AppointmentDay | null;
  loading: boolean;
  show(userId: string, storeId: string, day: string): Promise<void>;
  /** Re-reads the day shown, keeping what is on screen until the answer comes. */
  refresh(): Promise<void>;
}

/** Bumped by every request, so that only the answer to the latest one lands. */
let generation = 0;

/** The store and day the Appointments page shows, kept while the agent visits other screens. */
export const useAppointments = create<AppointmentsState>()((set, get) => {
  const load = async (keep: boolean) => {
    const { storeId, day } = get();
    if (!storeId || !day) return;
    const mine = ++generation;
    set(keep ? { loading: true } : { loading: true, answer: null });
    const answer = await request('getAppointments', { storeId, day }, 'load the appointments');
    if (mine !== generation) return;
    set(({ answer: before }) => ({ answer: answer ?? (keep ? before : null), loading: false }));
  };
  return {
    userId: null,
    storeId: null,
    day: null,
    answer: null,
    loading: false,
    show: async (userId, storeId, day) => {
      set({ userId, storeId, day });
      await load(false);
    },
    refresh: () => load(true),
  };
});
