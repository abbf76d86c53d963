import { v7 as uuidv7 } from 'uuid';
import type { Conversation, Message } from '../../src-shared/domain/conversation';
import type { Tx } from '../db/db';
import type { SyncWriter } from '../sync/writer';
import type { ArrivedEmail } from './arrived-email';
import type { EmailKind } from './classify-email';
import { recordRelayEmail } from './relay-emails';

interface InboundEmail {
  tenantId: string;
  conversation: Conversation;
  email: ArrivedEmail;
  body: string;
  media: Message['media'];
  kind: Exclude<EmailKind, 'agent'>;
  /** Null for the customer writing; 'auto_reply' or 'bounce' for a notice. */
  errorCode: 'auto_reply' | 'bounce' | null;
  now: number;
}

/**
 * An arrived email as a message of the lead's email conversation, and its Message-ID and raw
 * source in relay_emails (what threading and the "raw kept" rule read).
 */
export async function writeInboundEmail(
  tx: Tx,
  write: SyncWriter,
  inbound: InboundEmail,
): Promise<Message> {
  const { tenantId, conversation, email, now } = inbound;
  const message: Message = {
    id: uuidv7(),
    tenantId,
    leadId: conversation.leadId,
    conversationId: conversation.id,
    direction: 'in',
    authorUserId: null,
    body: inbound.body,
    media: inbound.media,
    status: 'received',
    errorCode: inbound.errorCode,
    providerId: email.headerMessageId.length <= 100 ? email.headerMessageId : null,
    scheduledAt: null,
    createdAt: now,
  };
  await write.insert('messages', message);
  await recordRelayEmail(tx, {
    tenantId,
    messageId: message.id,
    leadId: conversation.leadId,
    headerMessageId: email.headerMessageId,
    direction: 'in',
    kind: inbound.kind,
    subject: email.subject,
    raw: email.raw,
    createdAt: now,
  });
  return message;
}
