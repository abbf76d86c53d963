import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { Id } from '../../src-shared/domain/common';
import { lockTenant, pokeOnCommit } from '../sync/tenant-write';
import { syncWriter } from '../sync/writer';
import { deliveryStatusOf } from './delivery-status';
import { optOutUnsubscribed, recordDelivery } from './record-delivery';
import { tenantOfAccountSid } from './tenant-of';
import { twilioWebhookRoute } from './webhook-route';

const StatusFields = z.object({
  AccountSid: z.string().regex(/^AC[0-9a-fA-F]{32}$/),
  MessageSid: z.string().regex(/^(SM|MM)[0-9a-fA-F]{32}$/),
  MessageStatus: z.string().min(1).max(30),
  To: z.string().max(30).optional(),
  ErrorCode: z
    .string()
    .regex(/^\d{1,10}$/)
    .optional(),
});

/**
 * POST /v1/twilio/status/:messageId, the StatusCallback each text is sent with: queued, sent,
 * delivered, undelivered or failed (with ErrorCode), in whatever order Twilio posts them; a
 * status never moves backwards (delivery-status.ts). A message this tenant does not have, or
 * news of another Twilio message than the one recorded: 200 and nothing written. Written
 * through the sync writer, so every desktop pulls the change.
 */
export const twilioStatusRoute = twilioWebhookRoute({
  url: '/v1/twilio/status/:messageId',
  summary:
    "Twilio's status callback for a text the cloud sent (X-Twilio-Signature checked: 403; fields: 400). Answers empty TwiML.",
  fields: StatusFields,
  params: z.object({ messageId: Id }),
  tenantOf: (services, form) => tenantOfAccountSid(services.db, form.AccountSid ?? ''),
  handle: async ({ services, tenantId, fields, params }) => {
    const status = deliveryStatusOf(fields.MessageStatus);
    if (!status) return undefined;
    const failed = status === 'failed' || status === 'undelivered';
    const errorCode = failed ? (fields.ErrorCode ?? null) : null;
    await services.db.transaction(async (tx) => {
      await lockTenant(tx, tenantId);
      const write = syncWriter(tx, tenantId);
      const saved = await recordDelivery(tx, write, tenantId, params.messageId, {
        status,
        errorCode,
        providerId: fields.MessageSid,
      });
      if (saved && saved.providerId === fields.MessageSid && errorCode === '21610' && fields.To) {
        await optOutUnsubscribed(
          tx,
          write,
          tenantId,
          saved.leadId,
          fields.To,
          services.now(),
          uuidv7,
        );
      }
      if (write.wrote) await pokeOnCommit(tx, tenantId);
    });
    return undefined;
  },
});
