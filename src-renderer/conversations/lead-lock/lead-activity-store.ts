import { create } from 'zustand';
import type { ConsoleEvents } from '../../../src-shared/console-api/contract';
import {
  isEmptyActivity,
  type LeadActivity,
  type LeadLock,
  type LeadViewer,
} from '../../../src-shared/presence/lead-activity';
import { request } from '../../api/request';

interface LeadActivityState {
  byLead: ReadonlyMap<string, LeadActivity>;
  /** A `leadActivity` event: the whole list, or these leads' new state. */
  apply(change: ConsoleEvents['leadActivity']): void;
  load(): Promise<void>;
}

/** Who is in which lead (the core's `leadActivity`): locks, viewers, typing. */
export const useLeadActivity = create<LeadActivityState>()((set) => ({
  byLead: new Map(),
  apply: ({ replace, leads }) =>
    set(({ byLead }) => {
      const next = new Map(replace ? [] : byLead);
      for (const lead of leads) {
        if (isEmptyActivity(lead)) next.delete(lead.leadId);
        else next.set(lead.leadId, lead);
      }
      return { byLead: next };
    }),
  load: async () => {
    const leads = await request('getLeadActivity', {}, 'see who is in which lead');
    if (leads) set({ byLead: new Map(leads.map((lead) => [lead.leadId, lead])) });
  },
}));

/** The lock of a lead when someone other than `me` holds it; null when free or mine. */
export function lockedByAnother(
  activity: LeadActivity | undefined,
  me: string | undefined,
): LeadLock | null {
  const lock = activity?.lock ?? null;
  return lock && lock.userId !== me ? lock : null;
}

/** The others in a lead (not me), in the order they came. */
export function othersIn(activity: LeadActivity | undefined, me: string | undefined): LeadViewer[] {
  return (activity?.viewers ?? []).filter((viewer) => viewer.userId !== me);
}
