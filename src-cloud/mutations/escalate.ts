import type { MutationArgs } from '../../src-shared/sync/mutations';
import { queueEmail } from '../email-outbox/queue-email';
import { escalationEmail } from '../lead-emails/escalation-email';
import { loadLeadHistory } from '../lead-emails/lead-history';
import type { MutationContext } from './context';
import { reject } from './rejection';
import { loadLead, loadRow } from './rows';
import { addTimelineEvent } from './timeline';

/** Escalate (seed 003): the note and the full transcript to the store's on-response contacts. */
export async function escalate(ctx: MutationContext, args: MutationArgs<'escalate'>) {
  const lead = await loadLead(ctx, args.leadId);
  const store = await loadRow(ctx, 'stores', lead.storeId, 'store');
  const to = store.contacts.onResponseEmails;
  if (to.length === 0) {
    reject(
      'not_configured',
      `${store.name} has no on-response address to escalate to: a manager must add one in Contact settings`,
    );
  }
  const history = await loadLeadHistory(ctx.tx, lead);
  const email = escalationEmail(lead, store, history, ctx.auth.user.name, args.note);
  const emailId = ctx.newId();
  await addTimelineEvent(
    ctx,
    lead,
    'escalation',
    `Escalated to ${to.join(', ')}: ${args.note}`,
    { note: args.note, recipients: to, emailId },
    args.eventId,
  );
  await queueEmail(
    ctx.tx,
    {
      id: emailId,
      tenantId: ctx.auth.tenantId,
      leadId: lead.id,
      kind: 'escalation',
      recipients: to,
      ...email,
    },
    ctx.now,
  );
}
