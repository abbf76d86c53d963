import type { Channel, Conversation, Message } from '../../src-shared/domain/conversation';
import { cannotStartConversation } from '../../src-shared/domain/conversation-start';
import { leadDisplayName, type Lead } from '../../src-shared/domain/lead';
import { messagePreview } from '../../src-shared/domain/message-preview';
import { formatPhone } from '../../src-shared/phone/phone';
import type { MutationArgs } from '../../src-shared/sync/mutations';
import { isNumberOptedOut } from '../consent/ledger';
import type { MutationContext } from './context';
import { ensureRelayToken } from '../relay/relay-addresses';
import { reject } from './rejection';
import { insertNew, isDead, loadLead, saveLead } from './rows';

/**
 * Stores an outbound message as queued (or scheduled) for the channel adapters to deliver.
 * Nobody can message a Dead lead, and a channel needs an address to send to.
 */
export async function sendMessage(ctx: MutationContext, args: MutationArgs<'sendMessage'>) {
  const lead = await loadLead(ctx, args.leadId);
  if (isDead(lead)) {
    reject(
      'opted_out',
      `${leadDisplayName(lead)} opted out (Dead): nobody can message them until a manager opts them back in`,
    );
  }
  if (args.channel === 'sms') await refuseOptedOutNumbers(ctx, lead);
  const conversation = await conversationFor(ctx, lead, args.channel);
  // The lead's relay address (lead-TOKEN@RELAY_DOMAIN) exists from the first email on, so the
  // customer's reply always has somewhere to go.
  if (args.channel === 'email') await ensureRelayToken(ctx.tx, ctx.auth.tenantId, lead.id, ctx.now);
  // A time already past (a slow clock, a long-queued outbox) means "send now".
  const scheduledAt =
    args.scheduledAt !== null && args.scheduledAt > ctx.now ? args.scheduledAt : null;
  const message: Message = {
    id: args.messageId,
    tenantId: ctx.auth.tenantId,
    leadId: lead.id,
    conversationId: conversation.id,
    direction: 'out',
    authorUserId: ctx.auth.userId,
    body: args.body,
    media: args.media,
    status: scheduledAt === null ? 'queued' : 'scheduled',
    errorCode: null,
    providerId: null,
    scheduledAt,
    createdAt: ctx.now,
  };
  await insertNew(ctx, 'messages', message);
  if (scheduledAt === null) {
    await saveLead(ctx, lead, {
      awaitingSince: null,
      lastMessageAt: ctx.now,
      lastMessagePreview: messagePreview(message),
      lastChannel: args.channel,
    });
  }
}

/**
 * A number opted out at this store stays blocked on every lead that has it (the consent ledger),
 * not only on the lead that texted STOP.
 */
export async function refuseOptedOutNumbers(ctx: MutationContext, lead: Lead): Promise<void> {
  for (const { number } of lead.phones) {
    if (await isNumberOptedOut(ctx.tx, ctx.auth.tenantId, lead.storeId, number)) {
      reject(
        'opted_out',
        `${formatPhone(number)} opted out of texts from this store: nobody can text it until a manager opts it back in`,
      );
    }
  }
}

/**
 * The lead's conversation on `channel`, started here when the channel lets an agent start
 * one: a text needs a phone, an email an address; chat and Messenger only answer the customer.
 */
export async function conversationFor(
  ctx: MutationContext,
  lead: Lead,
  channel: Channel,
): Promise<Conversation> {
  const [existing] = await ctx.tx.query<{ row: Conversation }>(
    `SELECT row FROM conversations WHERE tenant_id = $1 AND lead_id = $2 AND NOT deleted
       AND row ->> 'channel' = $3 ORDER BY version LIMIT 1`,
    [ctx.auth.tenantId, lead.id, channel],
  );
  if (existing) return existing.row;
  const refusal = cannotStartConversation(lead, channel);
  if (refusal) reject(refusal.code, refusal.reason);
  const conversation: Conversation = {
    id: ctx.newId(),
    tenantId: ctx.auth.tenantId,
    leadId: lead.id,
    channel,
    createdAt: ctx.now,
  };
  await insertNew(ctx, 'conversations', conversation);
  return conversation;
}
