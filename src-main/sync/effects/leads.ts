import { LEAD_STATUS_LABELS, type SyncChange } from '../../../src-shared';
import { isDead, leadChange, requireLead, timelineEvent, type Effect } from './effect';

/** Contact details, labels, assignee...; a new assignee is written in the thread. */
export const updateLead: Effect<'updateLead'> = (rows, { leadId, patch }, context) => {
  const lead = requireLead(rows, leadId);
  const changes = leadChange(lead, patch, context.now);
  const assigneeId = patch.assignedUserId;
  if (changes.length === 0 || assigneeId === undefined || assigneeId === lead.assignedUserId) {
    return changes;
  }
  const assignee = assigneeId === null ? null : rows.user(assigneeId);
  const text = assigneeId === null ? 'Unassigned' : `Assigned to ${assignee?.name ?? 'someone'}`;
  return [
    ...changes,
    timelineEvent(context, lead, 'assignment', text, {
      fromUserId: lead.assignedUserId,
      toUserId: assigneeId,
    }),
  ];
};

/** Leaving Dead is an opt-in (the cloud lets only a manager do it). */
export const setLeadStatus: Effect<'setLeadStatus'> = (rows, { leadId, status }, context) => {
  const lead = requireLead(rows, leadId);
  if (lead.status === status) return [];
  const optingIn = isDead(lead) && status !== 'dead';
  const changes: SyncChange[] = [
    ...leadChange(lead, { status, ...(optingIn ? { optedOut: false } : {}) }, context.now),
    timelineEvent(
      context,
      lead,
      'status_change',
      `Status: ${LEAD_STATUS_LABELS[lead.status]} -> ${LEAD_STATUS_LABELS[status]}`,
      { from: lead.status, to: status },
    ),
  ];
  if (optingIn) {
    changes.push(
      timelineEvent(context, lead, 'opt_in', `Opted in by ${context.me.name}`, {
        how: 'status_change',
      }),
    );
  }
  return changes;
};

/** Someone answered outside Showroom: the lead stops awaiting a response. */
export const markResponded: Effect<'markResponded'> = (rows, { leadId }, context) =>
  leadChange(requireLead(rows, leadId), { awaitingSince: null }, context.now);

export const markDone: Effect<'markDone'> = (rows, { leadId, done }, context) => {
  const lead = requireLead(rows, leadId);
  if (done === (lead.doneAt !== null)) return [];
  return leadChange(lead, { doneAt: done ? context.now : null }, context.now);
};
