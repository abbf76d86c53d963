import { create } from 'zustand';
import type { LeadExtras } from '../../../src-shared/console-api/lead-extras';
import { request } from '../../api/request';

interface DetailsState {
  leadId: string | null;
  extras: LeadExtras | null;
  /** Reads the notes and detected language of a lead; a late answer for another lead is dropped. */
  load(leadId: string): Promise<void>;
}

let asked = 0;

export const useDetails = create<DetailsState>()((set, get) => ({
  leadId: null,
  extras: null,
  load: async (leadId) => {
    const mine = ++asked;
    if (get().leadId !== leadId) set({ leadId, extras: null });
    const extras = await request('getLeadExtras', { leadId }, 'read the lead details');
    if (mine !== asked || !extras) return;
    set({ leadId, extras });
  },
}));
