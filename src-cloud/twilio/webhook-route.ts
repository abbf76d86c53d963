import twilio from 'twilio';
import { z } from 'zod';
import { HttpError, parseOr400 } from '../http/errors';
import { publicRoute, type Route } from '../http/route';
import type { CloudServices } from '../services';
import { loadTwilioAccount, type TwilioAccount } from './account';

/** A Twilio webhook's form: every field a string, as Twilio posts them. */
export const TwilioForm = z.record(z.string(), z.string());
export type TwilioForm = z.infer<typeof TwilioForm>;

/** The dealer group a webhook is for, and its Twilio account (null: not connected). */
export interface WebhookSigner {
  tenantId: string;
  account: TwilioAccount | null;
}

/** The answer that tells Twilio "nothing to do": no reply text, no call instructions. */
export const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

export interface TwilioCall<Fields, Params> {
  services: CloudServices;
  tenantId: string;
  account: TwilioAccount;
  /** The fields the route's schema checked, after the signature was. */
  fields: Fields;
  /** The form as posted: the same object `tenantOf` was given. */
  form: TwilioForm;
  params: Params;
}

interface TwilioWebhook<Fields, Params> {
  url: string;
  summary: string;
  /** The fields the route needs; missing or malformed: 400, checked after the signature. */
  fields: z.ZodType<Fields>;
  params?: z.ZodType<Params>;
  /**
   * Whose Twilio account should have signed this (by the number called or texted, by the tenant
   * in the callback's own address...); null: nobody here, answered 403. With the account when
   * the lookup read it already (null: not connected); else the gate reads it.
   */
  tenantOf(
    services: CloudServices,
    form: TwilioForm,
    params: Params,
  ): Promise<string | WebhookSigner | null>;
  /** TwiML to answer with; undefined: the empty response. */
  handle(call: TwilioCall<Fields, Params>): Promise<string | undefined>;
}

/**
 * A route Twilio calls. Nothing runs before `X-Twilio-Signature` is checked against the tenant's
 * auth token and the address Twilio was given (`PUBLIC_URL` + path and query), exactly as
 * `twilio.validateRequest` computes it: unsigned, wrongly signed or unknown is a 403 and nothing
 * is stored. The answer is TwiML (text/xml), as Twilio expects from every webhook.
 */
export function twilioWebhookRoute<Fields, Params = undefined>(
  webhook: TwilioWebhook<Fields, Params>,
): Route {
  return publicRoute<TwilioForm, undefined, Params>({
    method: 'POST',
    url: webhook.url,
    summary: webhook.summary,
    acceptsForm: true,
    body: TwilioForm,
    bodyDoc: webhook.fields,
    ...(webhook.params && { params: webhook.params }),
    handle: async ({ services, body, params, reply }) => {
      const found = await webhook.tenantOf(services, body, params);
      const tenantId = typeof found === 'string' ? found : (found?.tenantId ?? null);
      const account =
        typeof found === 'string'
          ? await loadTwilioAccount(services.db, services.secrets, found)
          : (found?.account ?? null);
      if (!tenantId || !account) {
        throw new HttpError(403, 'forbidden', 'no Showroom dealer group takes this webhook');
      }
      const signature = reply.request.headers['x-twilio-signature'];
      if (typeof signature !== 'string' || signature === '') {
        throw new HttpError(403, 'forbidden', 'X-Twilio-Signature is missing');
      }
      const address = `${services.publicUrl().replace(/\/+$/, '')}${reply.request.url}`;
      if (!twilio.validateRequest(account.authToken, signature, address, body)) {
        throw new HttpError(403, 'forbidden', `X-Twilio-Signature does not match ${address}`);
      }
      const fields = parseOr400(webhook.fields, body, 'the webhook is not valid');
      const twiml = await webhook.handle({
        services,
        tenantId,
        account,
        fields,
        form: body,
        params,
      });
      return reply
        .code(200)
        .type('text/xml; charset=utf-8')
        .send(twiml ?? EMPTY_TWIML);
    },
  });
}
