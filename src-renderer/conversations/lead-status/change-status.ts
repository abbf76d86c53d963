import { LEAD_STATUS_LABELS, type LeadStatus } from '../../../src-shared/domain/lead-status';
import { ROLES, type Role } from '../../../src-shared/domain/user';
import { MUTATIONS } from '../../../src-shared/sync/mutations';
import { sendChange } from '../../changes/send-change';

/**
 * Leaving Dead opts the customer back in, which the cloud lets only a manager do (the role the
 * optIn mutation declares). Asked here first for a better menu, never instead of the cloud.
 */
export function mayLeaveDead(role: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(MUTATIONS.optIn.minRole);
}

export const ONLY_MANAGERS_LEAVE_DEAD =
  'Only a manager can opt a Dead lead back in: ask yours to change its status.';

export function changeStatus(
  lead: { id: string; name: string },
  status: LeadStatus,
): Promise<string | null> {
  return sendChange(
    'setLeadStatus',
    { leadId: lead.id, status },
    `set ${lead.name} to ${LEAD_STATUS_LABELS[status]}`,
  );
}

export function markResponded(lead: { id: string; name: string }): Promise<string | null> {
  return sendChange('markResponded', { leadId: lead.id }, `mark ${lead.name} as responded`);
}
