import {
  cannotStartConversation,
  leadDisplayName,
  messagePreview,
  type Channel,
  type Conversation,
  type Lead,
  type Message,
  type SyncChange,
} from '../../../src-shared';
import { sentence } from '../cloud-error';
import {
  isDead,
  leadChange,
  LocalRefusal,
  requireLead,
  standInId,
  type Effect,
  type EffectContext,
} from './effect';

/**
 * The message shows in the thread at once, queued (or scheduled); the queue row shows it as the
 * last message and the lead stops awaiting a response. Nobody can message a Dead lead.
 */
export const sendMessage: Effect<'sendMessage'> = (rows, args, context) => {
  const lead = requireLead(rows, args.leadId);
  if (isDead(lead)) {
    throw new LocalRefusal(
      'forbidden',
      `${leadDisplayName(lead)} opted out (Dead): nobody can message them until a manager opts them back in.`,
    );
  }
  const changes: SyncChange[] = [];
  let conversation = rows.conversations(lead.id).find((c) => c.channel === args.channel);
  if (!conversation) {
    conversation = startConversation(lead, args.channel, context);
    changes.push({ table: 'conversations', op: 'upsert', row: conversation });
  }
  // A time already past means "send now", as the cloud reads it.
  const scheduledAt =
    args.scheduledAt !== null && args.scheduledAt > context.now ? args.scheduledAt : null;
  const message: Message = {
    id: args.messageId,
    tenantId: lead.tenantId,
    leadId: lead.id,
    conversationId: conversation.id,
    direction: 'out',
    authorUserId: context.me.id,
    body: args.body,
    media: args.media,
    status: scheduledAt === null ? 'queued' : 'scheduled',
    errorCode: null,
    providerId: null,
    scheduledAt,
    createdAt: context.now,
  };
  changes.push({ table: 'messages', op: 'upsert', row: message });
  if (scheduledAt === null) {
    const last = {
      awaitingSince: null,
      lastMessageAt: context.now,
      lastMessagePreview: messagePreview(message),
      lastChannel: args.channel,
    };
    changes.push(...leadChange(lead, last, context.now));
  }
  return changes;
};

/** A first message on a channel starts its conversation, where the channel lets an agent. */
export function startConversation(
  lead: Lead,
  channel: Channel,
  context: EffectContext,
): Conversation {
  const refusal = cannotStartConversation(lead, channel);
  if (refusal) throw new LocalRefusal('invalid_arguments', sentence(refusal.reason));
  return {
    id: standInId(context, 'conversation'),
    tenantId: lead.tenantId,
    leadId: lead.id,
    channel,
    createdAt: context.now,
  };
}
