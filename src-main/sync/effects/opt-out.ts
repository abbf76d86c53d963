import { isDead, leadChange, requireLead, timelineEvent, type Effect } from './effect';

/** The customer asked to stop: Dead at once, with who, when and why in the thread. */
export const optOut: Effect<'optOut'> = (rows, { leadId, reason }, context) => {
  const lead = requireLead(rows, leadId);
  if (lead.status === 'dead' && lead.optedOut) return [];
  return [
    ...leadChange(lead, { status: 'dead', optedOut: true }, context.now),
    timelineEvent(context, lead, 'opt_out', `Opted out by ${context.me.name}: ${reason}`, {
      how: 'agent',
      reason,
      fromStatus: lead.status,
    }),
  ];
};

/** A manager brings a Dead lead back as Hot (the role is checked before this runs). */
export const optIn: Effect<'optIn'> = (rows, { leadId, reason }, context) => {
  const lead = requireLead(rows, leadId);
  if (!isDead(lead)) return [];
  return [
    ...leadChange(lead, { status: 'hot', optedOut: false }, context.now),
    timelineEvent(context, lead, 'opt_in', `Opted in by ${context.me.name}: ${reason}`, {
      how: 'manager',
      reason,
    }),
  ];
};
