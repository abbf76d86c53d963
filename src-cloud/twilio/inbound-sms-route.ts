import twilio from 'twilio';
import { z } from 'zod';
import type { Store } from '../../src-shared/domain/tenant';
import { toE164 } from '../../src-shared/phone/phone';
import { applyTextConsent } from '../consent/text-consent';
import { receiveMessage } from '../inbound/receive-inbound';
import { enqueueMediaJob } from './media-jobs';
import type { MediaItem } from './media-download';
import { storeOfNumber, textingStoreOf } from './tenant-of';
import { twilioWebhookRoute, type TwilioForm } from './webhook-route';

/** The store `tenantOf` found for a webhook, so that its handler does not look it up again. */
const storeOfForm = new WeakMap<TwilioForm, Store>();

/** At most 10 attachments on one MMS (Twilio's limit, and a message's). */
const MAX_MEDIA = 10;

const SID = /^(SM|MM)[0-9a-fA-F]{32}$/;
const phone = (field: string) =>
  z
    .string()
    .max(40)
    .transform((value, ctx) => {
      const e164 = toE164(value);
      if (e164 === null)
        ctx.addIssue({ code: 'custom', message: `"${value}" is not a phone number` });
      return e164 ?? '';
    })
    .describe(`${field}, E.164`);

/** Twilio's incoming-message form (the fields we read; Twilio sends many more). */
const InboundSms = z
  .looseObject({
    MessageSid: z.string().regex(SID, 'a Twilio message SID (SM or MM and 32 hex digits)'),
    From: phone('the customer'),
    To: phone("the store's texting number"),
    Body: z.string().max(1600).default(''),
    NumMedia: z.coerce.number().int().min(0).max(MAX_MEDIA).default(0),
  })
  .transform((form, ctx) => {
    const media: MediaItem[] = [];
    for (let n = 0; n < form.NumMedia; n += 1) {
      const url = form[`MediaUrl${n}`];
      const contentType = form[`MediaContentType${n}`];
      if (typeof url !== 'string' || typeof contentType !== 'string') {
        ctx.addIssue({
          code: 'custom',
          path: [`MediaUrl${n}`],
          message: `NumMedia is ${form.NumMedia}: MediaUrl${n} and MediaContentType${n} are required`,
        });
        return z.NEVER;
      }
      media.push({ url: url.slice(0, 2000), contentType: contentType.slice(0, 100) });
    }
    return { sid: form.MessageSid, from: form.From, to: form.To, body: form.Body, media };
  });

/**
 * `POST /v1/twilio/sms`: a customer's text or MMS to a store's texting number (issue 5 item 3).
 * The message is stored (a new "Unknown" lead with source Text for a number nobody knew, the
 * lead's conversation otherwise; a new conversation of an unassigned lead rings), the consent
 * rules applied (STOP, START, HELP, a revocation in words), and Twilio answered at once; MMS
 * attachments are fetched afterwards (InboundMediaFetcher). A MessageSid seen before is
 * answered the same and writes nothing.
 */
export const inboundSmsRoute = twilioWebhookRoute({
  url: '/v1/twilio/sms',
  summary:
    "Twilio's incoming-message webhook (signed with X-Twilio-Signature; 403 otherwise): a text or MMS to a store's texting number. Answers TwiML: empty, or the store's details for HELP.",
  fields: InboundSms,
  tenantOf: async (services, form) => {
    const found = await textingStoreOf(services.db, services.secrets, toE164(form.To ?? '') ?? '');
    if (!found) return null;
    storeOfForm.set(form, found.store);
    return { tenantId: found.store.tenantId, account: found.account };
  },
  handle: async ({ services, tenantId, fields, form }) => {
    const store = storeOfForm.get(form) ?? (await storeOfNumber(services.db, fields.to));
    if (!store || store.tenantId !== tenantId) return undefined;
    let reply: string | null = null;
    const received = await receiveMessage(services, tenantId, {
      storeId: store.id,
      store,
      channel: 'sms',
      sender: { phone: fields.from, email: null, firstName: null, lastName: null },
      source: 'Text',
      body: fields.body,
      pendingMedia: fields.media.length,
      providerId: fields.sid,
      onReceived: async (received) => {
        if (fields.media.length > 0) {
          const job = { tenantId, messageId: received.message.id, items: fields.media };
          await enqueueMediaJob(received.tx, job, received.now);
        }
        const consent = await applyTextConsent(received, fields.from, fields.body);
        reply = consent.reply;
        return consent.lead;
      },
    });
    if (received && fields.media.length > 0) {
      services.inboundMedia.kick(services, tenantId, received.messageId);
    }
    if (reply === null) return undefined;
    const twiml = new twilio.twiml.MessagingResponse();
    twiml.message(reply);
    return twiml.toString();
  },
});
