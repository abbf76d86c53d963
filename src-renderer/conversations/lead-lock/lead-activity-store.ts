import { create } from 'zustand';
import type { ConsoleEvents } from '../../../src-shared/console-api/contract';
import type { LeadActivity } from '../../../src-shared/presence/lead-activity';
import { request } from '../../api/request';
import { applyActivity } from './lead-activity-rules';

interface LeadActivityState {
  byLead: ReadonlyMap<string, LeadActivity>;
  /** A `leadActivity` event: the whole list, or these leads' new state. */
  apply(change: ConsoleEvents['leadActivity']): void;
  load(): Promise<void>;
}

/** Who is in which lead (the core's `leadActivity`): locks, viewers, typing. */
export const useLeadActivity = create<LeadActivityState>()((set) => ({
  byLead: new Map(),
  apply: (change) => set(({ byLead }) => ({ byLead: applyActivity(byLead, change) })),
  load: async () => {
    const leads = await request('getLeadActivity', {}, 'see who is in which lead');
    if (leads) set({ byLead: applyActivity(new Map(), { replace: true, leads }) });
  },
}));
