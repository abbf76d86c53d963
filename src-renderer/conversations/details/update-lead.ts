import type { LeadPatch } from '../../../src-shared/sync/mutations';
import { sendChange } from '../../changes/send-change';

/** One edit of the details pane, worded for a notice if the cloud undoes it. */
export function updateLead(
  lead: { id: string; name: string },
  patch: LeadPatch,
  what: string,
): Promise<string | null> {
  return sendChange('updateLead', { leadId: lead.id, patch }, `${what} of ${lead.name}`);
}
