import type { DeliveryStatus, Message } from '../../src-shared/domain/conversation';
import type { Lead } from '../../src-shared/domain/lead';
import type { Tx } from '../db/db';
import type { SyncWriter } from '../sync/writer';
import { mayMoveTo } from './delivery-status';

/** What Twilio (or the sender itself) says about one outbound message. */
export interface DeliveryNews {
  status: DeliveryStatus;
  errorCode: string | null;
  /** Twilio's message SID, once known. */
  providerId: string | null;
}

/**
 * Puts the news on the message, through the sync writer so every desktop pulls it. Runs in a
 * transaction holding the tenant's lock. A status never moves backwards (delivery-status.ts);
 * news about another Twilio message than the one recorded is ignored. Resolves to the message
 * as saved, or null when there is no such message.
 */
export async function recordDelivery(
  tx: Tx,
  write: SyncWriter,
  tenantId: string,
  messageId: string,
  news: DeliveryNews,
): Promise<Message | null> {
  const [found] = await tx.query<{ row: Message }>(
    `SELECT row FROM messages WHERE tenant_id = $1 AND id = $2 AND NOT deleted`,
    [tenantId, messageId],
  );
  if (!found || found.row.direction !== 'out') return null;
  const message = found.row;
  if (message.providerId && news.providerId && message.providerId !== news.providerId) {
    return message;
  }
  const moves = mayMoveTo(message.status, news.status);
  const next: Message = {
    ...message,
    status: moves ? news.status : message.status,
    errorCode: moves ? news.errorCode : message.errorCode,
    providerId: message.providerId ?? news.providerId,
  };
  if (next.status === message.status && next.providerId === message.providerId) return message;
  await write.update('messages', next);
  return next;
}

/**
 * Twilio answered 21610: the customer replied STOP to the store's number, and Twilio will not
 * deliver to them. The lead goes Dead and opted out, as a STOP text would have done, and the
 * thread says who decided it and why.
 */
export async function optOutUnsubscribed(
  tx: Tx,
  write: SyncWriter,
  tenantId: string,
  leadId: string,
  number: string,
  now: number,
  newId: () => string,
): Promise<void> {
  const [found] = await tx.query<{ row: Lead }>(
    `SELECT row FROM leads WHERE tenant_id = $1 AND id = $2 AND NOT deleted`,
    [tenantId, leadId],
  );
  if (!found || (found.row.optedOut && found.row.status === 'dead')) return;
  const lead = found.row;
  await write.update('leads', { ...lead, status: 'dead', optedOut: true, updatedAt: now });
  await write.insert('timeline_events', {
    id: newId(),
    tenantId,
    leadId,
    kind: 'opt_out',
    actorUserId: null,
    text: `Opted out: Twilio reported ${number} unsubscribed (they replied STOP to this store's number), so the lead is now Dead`,
    data: { how: 'twilio', errorCode: '21610', number, fromStatus: lead.status },
    createdAt: now,
  });
}
