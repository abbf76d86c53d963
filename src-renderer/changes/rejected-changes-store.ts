import { create } from 'zustand';
import type { MutationRejected } from '../../src-shared/console-api/views';
import type { MutationName } from '../../src-shared/sync/mutations';
import { sentChangeWords } from './send-change';

export interface RejectedChange {
  mutationId: string;
  /** What was undone, in words: "set Dana Whitfield to Warm". */
  what: string;
  /** Why, as the cloud (or the core) said it. */
  why: string;
  code: string;
}

/** For a change sent before this window opened (a restart with a full outbox, say). */
const CHANGE_NAMES: Record<MutationName, string> = {
  updateLead: 'an edit to a lead',
  setLeadStatus: 'a status change',
  addNote: 'a note',
  setAppointment: 'an appointment',
  rescheduleAppointment: 'a rescheduled appointment',
  setAppointmentStatus: 'an appointment status',
  markResponded: 'a “mark as responded”',
  markDone: 'a “mark as done”',
  sendMessage: 'a message',
  assignFunnel: 'a funnel',
  rescheduleMessage: 'a new time for a scheduled message',
  cancelScheduledMessage: 'a cancelled scheduled message',
  optOut: 'an opt-out',
  optIn: 'an opt-in',
  saveFilters: 'saved filters',
  updateStoreSettings: 'store contact settings',
  sendToCrm: 'a send to CRM',
  escalate: 'an escalation',
};

function wordsFor(rejected: MutationRejected): string {
  const sent = sentChangeWords(rejected.mutationId);
  if (sent) return sent;
  return Object.hasOwn(CHANGE_NAMES, rejected.name)
    ? CHANGE_NAMES[rejected.name as MutationName]
    : rejected.name;
}

interface RejectedChangesState {
  rejected: RejectedChange[];
  add(rejected: MutationRejected): void;
  dismiss(mutationId: string): void;
  clear(): void;
}

/** Changes the cloud refused and the core undid, until the user dismisses the notice. */
export const useRejectedChanges = create<RejectedChangesState>()((set) => ({
  rejected: [],
  add: (rejected) =>
    set(({ rejected: shown }) => ({
      rejected: [
        ...shown.filter((r) => r.mutationId !== rejected.mutationId).slice(-4),
        {
          mutationId: rejected.mutationId,
          what: wordsFor(rejected),
          why: rejected.message,
          code: rejected.code,
        },
      ],
    })),
  dismiss: (mutationId) =>
    set(({ rejected }) => ({ rejected: rejected.filter((r) => r.mutationId !== mutationId) })),
  clear: () => set({ rejected: [] }),
}));
