import { crmTimelineText, resolveCrmChoice } from '../../../src-shared/crm/crm-choice';
import type { Lead } from '../../../src-shared';
import { LocalRefusal, requireLead, timelineEvent, type Effect, type Rows } from './effect';

function requireStore(rows: Rows, lead: Lead) {
  const store = rows.store(lead.storeId);
  if (!store) throw new LocalRefusal('not_found', `The store of this lead is not on this PC.`);
  return store;
}

/**
 * The crm_send event at once, worded as the cloud will word it. The store's rule is checked
 * here first for a better message (a missing address says what to set); the cloud decides.
 */
export const sendToCrm: Effect<'sendToCrm'> = (rows, { leadId, eventId, choice }, context) => {
  const lead = requireLead(rows, leadId);
  const outcome = resolveCrmChoice(requireStore(rows, lead).crm, choice);
  if (outcome.kind === 'refused') throw new LocalRefusal('invalid_arguments', outcome.message);
  const data =
    outcome.kind === 'send'
      ? { sent: true, name: outcome.name, address: outcome.address }
      : { sent: false, choice: choice.kind };
  return [timelineEvent(context, lead, 'crm_send', crmTimelineText(outcome), data, eventId)];
};

export const escalate: Effect<'escalate'> = (rows, { leadId, eventId, note }, context) => {
  const lead = requireLead(rows, leadId);
  const store = requireStore(rows, lead);
  const to = store.contacts.onResponseEmails;
  if (to.length === 0) {
    throw new LocalRefusal(
      'invalid_arguments',
      `${store.name} has no on-response address to escalate to: a manager must add one in Contact settings`,
    );
  }
  return [
    timelineEvent(
      context,
      lead,
      'escalation',
      `Escalated to ${to.join(', ')}: ${note}`,
      { note, recipients: to },
      eventId,
    ),
  ];
};
