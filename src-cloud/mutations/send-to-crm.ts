import { crmTimelineText, resolveCrmChoice } from '../../src-shared/crm/crm-choice';
import type { MutationArgs } from '../../src-shared/sync/mutations';
import { AdfInputError } from '../crm/adf';
import { queueEmail } from '../email-outbox/queue-email';
import { crmEmail } from '../lead-emails/crm-email';
import { loadLeadHistory } from '../lead-emails/lead-history';
import type { MutationContext } from './context';
import { reject } from './rejection';
import { loadLead, loadRow } from './rows';
import { addTimelineEvent } from './timeline';

/**
 * Send to CRM (DESIGN §9): the store's display option decides (src-shared/crm). A send queues
 * the lead's ADF document by email in this transaction; a suppression only logs. Either way
 * the thread shows a crm_send event, and a later send of the same lead is a "resend".
 */
export async function sendToCrm(ctx: MutationContext, args: MutationArgs<'sendToCrm'>) {
  const lead = await loadLead(ctx, args.leadId);
  const store = await loadRow(ctx, 'stores', lead.storeId, 'store');
  const outcome = resolveCrmChoice(store.crm, args.choice);
  if (outcome.kind === 'refused') reject(outcome.code, outcome.message);
  if (outcome.kind === 'suppressed') {
    await addTimelineEvent(
      ctx,
      lead,
      'crm_send',
      crmTimelineText(outcome),
      { sent: false, choice: args.choice.kind },
      args.eventId,
    );
    return;
  }
  const history = await loadLeadHistory(ctx.tx, lead);
  let email: ReturnType<typeof crmEmail>;
  try {
    email = crmEmail(lead, store, history);
  } catch (error) {
    if (error instanceof AdfInputError) reject('invalid_state', error.message);
    throw error;
  }
  const emailId = ctx.newId();
  await addTimelineEvent(
    ctx,
    lead,
    'crm_send',
    crmTimelineText(outcome),
    { sent: true, name: outcome.name, address: outcome.address, emailId },
    args.eventId,
  );
  await queueEmail(
    ctx.tx,
    {
      id: emailId,
      tenantId: ctx.auth.tenantId,
      leadId: lead.id,
      kind: 'crm_send',
      recipients: [outcome.address],
      ...email,
    },
    ctx.now,
  );
}
