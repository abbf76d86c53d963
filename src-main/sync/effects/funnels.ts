import { leadDisplayName, type Message, type SyncChange } from '../../../src-shared';
import { isDead, LocalRefusal, requireLead, timelineEvent, type Effect } from './effect';
import { startConversation } from './messages';

const MINUTE = 60_000;

/** The funnel's steps show in the thread at once, scheduled, as the cloud will store them. */
export const assignFunnel: Effect<'assignFunnel'> = (rows, args, context) => {
  const lead = requireLead(rows, args.leadId);
  if (isDead(lead)) {
    throw new LocalRefusal(
      'forbidden',
      `${leadDisplayName(lead)} opted out (Dead): no funnel can text them until a manager opts them back in.`,
    );
  }
  const funnel = rows.funnel(args.funnelId);
  if (!funnel) throw new LocalRefusal('not_found', `Funnel ${args.funnelId} is not on this PC.`);
  if (funnel.steps.length !== args.steps.length) {
    throw new LocalRefusal(
      'invalid_arguments',
      `The funnel "${funnel.name}" has ${funnel.steps.length} steps, not ${args.steps.length}.`,
    );
  }
  const changes: SyncChange[] = [];
  let conversation = rows.conversations(lead.id).find((c) => c.channel === 'sms');
  if (!conversation) {
    conversation = startConversation(lead, 'sms', context);
    changes.push({ table: 'conversations', op: 'upsert', row: conversation });
  }
  for (const [index, step] of args.steps.entries()) {
    const message: Message = {
      id: step.messageId,
      tenantId: lead.tenantId,
      leadId: lead.id,
      conversationId: conversation.id,
      direction: 'out',
      authorUserId: context.me.id,
      body: step.body,
      media: [],
      status: 'scheduled',
      errorCode: null,
      providerId: null,
      scheduledAt: context.now + funnel.steps[index]!.delayMinutes * MINUTE,
      funnelId: funnel.id,
      createdAt: context.now,
    };
    changes.push({ table: 'messages', op: 'upsert', row: message });
  }
  const count = args.steps.length;
  changes.push(
    timelineEvent(
      context,
      lead,
      'funnel',
      `Funnel "${funnel.name}" assigned by ${context.me.name}: ${count} text${count === 1 ? '' : 's'} scheduled`,
      { funnelId: funnel.id, how: 'assigned', messageIds: args.steps.map((s) => s.messageId) },
    ),
  );
  return changes;
};
