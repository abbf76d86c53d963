import type { Message } from '../../src-shared/domain/conversation';
import { leadDisplayName } from '../../src-shared/domain/lead';
import type { MutationArgs } from '../../src-shared/sync/mutations';
import type { MutationContext } from './context';
import { conversationFor, refuseOptedOutNumbers } from './messages';
import { reject } from './rejection';
import { insertNew, isDead, loadLead, loadRow } from './rows';
import { addTimelineEvent } from './timeline';

const MINUTE = 60_000;

/**
 * Schedules every step of a funnel as a text to the lead, each due its delay after now (by the
 * cloud's clock). The bodies are the ones the agent's desk rendered and showed; the funnel
 * decides how many there are and when they go. A Dead lead gets none, and each step is checked
 * again (consent, quiet hours) when it falls due.
 */
export async function assignFunnel(ctx: MutationContext, args: MutationArgs<'assignFunnel'>) {
  const lead = await loadLead(ctx, args.leadId);
  if (isDead(lead)) {
    reject(
      'opted_out',
      `${leadDisplayName(lead)} opted out (Dead): no funnel can text them until a manager opts them back in`,
    );
  }
  // A number opted out at this store through another lead stays blocked here too.
  await refuseOptedOutNumbers(ctx, lead);
  const funnel = await loadRow(ctx, 'funnels', args.funnelId, 'funnel');
  if (funnel.storeId !== null && funnel.storeId !== lead.storeId) {
    reject('invalid_arguments', `the funnel "${funnel.name}" belongs to another store`);
  }
  if (args.steps.length !== funnel.steps.length) {
    reject(
      'invalid_arguments',
      `the funnel "${funnel.name}" has ${funnel.steps.length} steps, not ${args.steps.length}`,
    );
  }
  const conversation = await conversationFor(ctx, lead, 'sms');
  for (const [index, step] of args.steps.entries()) {
    const message: Message = {
      id: step.messageId,
      tenantId: ctx.auth.tenantId,
      leadId: lead.id,
      conversationId: conversation.id,
      direction: 'out',
      authorUserId: ctx.auth.userId,
      body: step.body,
      media: [],
      status: 'scheduled',
      errorCode: null,
      providerId: null,
      scheduledAt: ctx.now + funnel.steps[index]!.delayMinutes * MINUTE,
      funnelId: funnel.id,
      createdAt: ctx.now,
    };
    await insertNew(ctx, 'messages', message);
  }
  const count = args.steps.length;
  await addTimelineEvent(
    ctx,
    lead,
    'funnel',
    `Funnel "${funnel.name}" assigned by ${ctx.auth.user.name}: ${count} text${count === 1 ? '' : 's'} scheduled`,
    { funnelId: funnel.id, how: 'assigned', messageIds: args.steps.map((s) => s.messageId) },
  );
}
