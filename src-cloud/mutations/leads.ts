import { LEAD_STATUS_LABELS } from '../../src-shared/domain/lead-status';
import type { Lead } from '../../src-shared/domain/lead';
import type { MutationArgs } from '../../src-shared/sync/mutations';
import { hasRole } from '../accounts/auth-context';
import { checkAssignment } from './assignment';
import type { MutationContext } from './context';
import { reject } from './rejection';
import { isDead, loadLead, requireIds, saveLead } from './rows';
import { addTimelineEvent } from './timeline';
import { queueTranscriptsOnDone } from './transcripts-on-done';

/** Contact details, labels, assignee, collaborators, vehicle, trade-in, financial info. */
export async function updateLead(ctx: MutationContext, args: MutationArgs<'updateLead'>) {
  const lead = await loadLead(ctx, args.leadId);
  const { patch } = args;
  if (patch.labelIds) await requireIds(ctx, 'labels', patch.labelIds, 'labels');
  if (patch.collaboratorIds) await requireIds(ctx, 'users', patch.collaboratorIds, 'users');
  const assignee =
    patch.assignedUserId !== undefined && patch.assignedUserId !== lead.assignedUserId
      ? await checkAssignment(ctx, lead, patch.assignedUserId)
      : undefined;
  const saved = await saveLead(ctx, lead, patch);
  if (assignee !== undefined) {
    const text = assignee ? `Assigned to ${assignee.name}` : 'Unassigned';
    await addTimelineEvent(ctx, saved, 'assignment', text, {
      fromUserId: lead.assignedUserId,
      toUserId: saved.assignedUserId,
    });
  }
}

/** Leaving Dead is an opt-in: only a manager may, and the lead is messageable again. */
export async function setLeadStatus(ctx: MutationContext, args: MutationArgs<'setLeadStatus'>) {
  const lead = await loadLead(ctx, args.leadId);
  if (lead.status === args.status) return;
  const optingIn = isDead(lead) && args.status !== 'dead';
  if (optingIn && !hasRole(ctx.auth.role, 'manager')) {
    reject('forbidden', 'only a manager can move a lead out of Dead (that opts them back in)');
  }
  const saved = await saveLead(ctx, lead, {
    status: args.status,
    ...(optingIn ? { optedOut: false } : {}),
  });
  await addStatusChange(ctx, lead, saved);
  if (optingIn) {
    await addTimelineEvent(ctx, saved, 'opt_in', `Opted in by ${ctx.auth.user.name}`, {
      how: 'status_change',
    });
  }
}

export async function addStatusChange(ctx: MutationContext, before: Lead, after: Lead) {
  const from = LEAD_STATUS_LABELS[before.status];
  const to = LEAD_STATUS_LABELS[after.status];
  await addTimelineEvent(ctx, after, 'status_change', `Status: ${from} -> ${to}`, {
    from: before.status,
    to: after.status,
  });
}

/** Someone answered outside Showroom (a call, in person): the lead stops awaiting a response. */
export async function markResponded(ctx: MutationContext, args: MutationArgs<'markResponded'>) {
  const lead = await loadLead(ctx, args.leadId);
  await saveLead(ctx, lead, { awaitingSince: null });
}

export async function markDone(ctx: MutationContext, args: MutationArgs<'markDone'>) {
  const lead = await loadLead(ctx, args.leadId);
  if (args.done === (lead.doneAt !== null)) return;
  const saved = await saveLead(ctx, lead, { doneAt: args.done ? ctx.now : null });
  if (args.done) await queueTranscriptsOnDone(ctx, saved);
}
