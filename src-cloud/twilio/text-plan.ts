import type { Conversation, Message } from '../../src-shared/domain/conversation';
import type { ShowroomDeliveryError } from '../../src-shared/domain/delivery-errors';
import type { Lead } from '../../src-shared/domain/lead';
import { Store } from '../../src-shared/domain/tenant';
import type { CloudServices } from '../services';
import { isNumberOptedOut } from '../consent/ledger';
import { loadTwilioAccount, type TwilioAccount } from './account';
import { twilioMediaLink } from './media-link';

export type PlanServices = Pick<CloudServices, 'db' | 'secrets' | 'publicUrl' | 'now'>;

/** What to ask Twilio for (SDK names), or why the message fails without reaching Twilio. */
export type TextPlan =
  | {
      kind: 'send';
      account: TwilioAccount;
      leadId: string;
      request: {
        from: string;
        to: string;
        body: string;
        mediaUrl?: string[];
        statusCallback: string;
      };
    }
  | { kind: 'fail'; errorCode: ShowroomDeliveryError }
  /** The message is gone or no longer queued: nothing to do. */
  | { kind: 'skip' };

/**
 * Decides, at the moment of sending, whether this text may go out and how. Consent is checked
 * here again, not only when the agent queued it: a lead that went Dead since (a STOP text, a
 * 21610, a manager) is never texted. Every read is scoped to the message's tenant.
 */
export async function planText(
  services: PlanServices,
  tenantId: string,
  messageId: string,
): Promise<TextPlan> {
  const [row] = await services.db.query<{
    message: Message;
    conversation: Conversation;
    lead: Lead;
    store: unknown;
  }>(
    `SELECT m.row AS message, c.row AS conversation, l.row AS lead, s.row AS store
     FROM messages m
     JOIN conversations c ON c.tenant_id = m.tenant_id AND c.id = m.row ->> 'conversationId'
     JOIN leads l ON l.tenant_id = m.tenant_id AND l.id = m.row ->> 'leadId'
     JOIN stores s ON s.tenant_id = m.tenant_id AND s.id = l.store_id
     WHERE m.tenant_id = $1 AND m.id = $2
       AND NOT m.deleted AND NOT c.deleted AND NOT l.deleted AND NOT s.deleted`,
    [tenantId, messageId],
  );
  if (!row || row.message.status !== 'queued' || row.conversation.channel !== 'sms') {
    return { kind: 'skip' };
  }
  const { message, lead } = row;
  const store = Store.parse(row.store);
  if (lead.status === 'dead' || lead.optedOut) return { kind: 'fail', errorCode: 'opted_out' };
  const to = lead.phones[0]?.number;
  if (!to) return { kind: 'fail', errorCode: 'no_phone' };
  // The number opted out at this store through another lead that has it (the consent ledger):
  // still blocked, though this lead never said STOP itself.
  if (await isNumberOptedOut(services.db, tenantId, lead.storeId, to)) {
    return { kind: 'fail', errorCode: 'opted_out' };
  }
  if (store.textingNumber === null) return { kind: 'fail', errorCode: 'no_texting_number' };
  const account = await loadTwilioAccount(services.db, services.secrets, tenantId);
  if (!account) return { kind: 'fail', errorCode: 'no_twilio_account' };

  const publicUrl = services.publicUrl().replace(/\/+$/, '');
  const mediaUrl = message.media.map((media) =>
    twilioMediaLink(media.url, publicUrl, tenantId, account, services.now()),
  );
  if (mediaUrl.some((url) => url === null)) return { kind: 'fail', errorCode: 'media_refused' };
  return {
    kind: 'send',
    account,
    leadId: lead.id,
    request: {
      from: store.textingNumber,
      to,
      body: message.body,
      ...(mediaUrl.length > 0 && { mediaUrl: mediaUrl as string[] }),
      statusCallback: `${publicUrl}/v1/twilio/status/${message.id}`,
    },
  };
}
