import type { TimelineEvent } from '../domain/timeline';

/** What the lead details pane reads beyond the lead itself (getLeadExtras). */
export interface LeadExtras {
  /** Every note on the lead, newest first. */
  notes: TimelineEvent[];
  /** The language of the customer's own messages (ISO 639-1), or null when too little to tell. */
  detectedLanguage: string | null;
}
