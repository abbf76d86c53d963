import { v7 as uuidv7 } from 'uuid';
import type { Message } from '../../src-shared/domain/conversation';
import { leadDisplayName } from '../../src-shared/domain/lead';
import { messagePreview } from '../../src-shared/domain/message-preview';
import type { User } from '../../src-shared/domain/user';
import { conversationOf } from '../inbound/receive-inbound';
import { keepAttachments } from './attachments';
import type { ArrivedEmail } from './arrived-email';
import type { RelayTarget } from './relay-addresses';
import type { GroupedWrites } from '../sync/grouped-writes';
import { recordRelayEmail } from './relay-emails';
import { clipBody, mediaUrlOf, type RelayServices } from './relay-services';
import { SmtpRefusal } from './smtp-refusal';
import { stripQuoted } from './strip-quoted';
import { leadAndStore } from './thread-rows';

/**
 * An agent answered from their own mailbox to the lead's relay address: what they wrote (the
 * quoted history stripped) becomes an outbound message by them, queued for the relay's sender,
 * exactly as if they had typed it in the console. The same rules as sendMessage apply, in the
 * cloud; a refusal goes back to the agent's mail server as a 550 naming the reason, so their
 * mailbox tells them.
 */
export async function writeAgentAnswer(
  services: RelayServices,
  batches: GroupedWrites,
  target: RelayTarget,
  agent: User,
  email: ArrivedEmail,
): Promise<void> {
  const { tenantId } = target;
  const now = services.now();
  await batches.write(tenantId, async (tx, write) => {
    const { lead } = await leadAndStore(tx, tenantId, target.leadId);
    const name = leadDisplayName(lead);
    if (lead.status === 'dead' || lead.optedOut) {
      throw new SmtpRefusal(
        550,
        `5.7.1 ${name} opted out (Dead): nobody can message them until a manager opts them back in`,
      );
    }
    if (agent.role === 'agent' && !agent.storeIds.includes(lead.storeId)) {
      throw new SmtpRefusal(550, `5.7.1 ${agent.email} does not work the store of ${name}`);
    }
    if (!lead.email) throw new SmtpRefusal(550, `5.1.3 ${name} has no email address`);
    const kept = await keepAttachments(tx, target, email.attachments, mediaUrlOf(services), now);
    const body = clipBody(stripQuoted(email.text));
    if (!body && kept.media.length === 0) {
      throw new SmtpRefusal(550, '5.6.0 nothing to relay: the answer is empty');
    }
    const { conversation } = await conversationOf(tx, write, lead, 'email', now);
    const message: Message = {
      id: uuidv7(),
      tenantId,
      leadId: lead.id,
      conversationId: conversation.id,
      direction: 'out',
      authorUserId: agent.id,
      body,
      media: kept.media,
      status: 'queued',
      errorCode: null,
      providerId: null,
      scheduledAt: null,
      createdAt: now,
    };
    await write.insert('messages', message);
    await write.update('leads', {
      ...lead,
      awaitingSince: null,
      lastMessageAt: now,
      lastMessagePreview: messagePreview(message),
      lastChannel: 'email',
      updatedAt: now,
    });
    await recordRelayEmail(tx, {
      tenantId,
      messageId: message.id,
      leadId: lead.id,
      headerMessageId: email.headerMessageId,
      direction: 'in',
      kind: 'agent',
      subject: email.subject,
      raw: email.raw,
      createdAt: now,
    });
  });
}
