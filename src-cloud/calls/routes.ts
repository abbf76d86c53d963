import { z } from 'zod';
import { Id } from '../../src-shared/domain/common';
import { Lead, leadDisplayName } from '../../src-shared/domain/lead';
import { signedInRoute } from '../http/route';
import type { CloudServices } from '../services';
import { storeOfNumber } from '../twilio/tenant-of';
import { twilioWebhookRoute } from '../twilio/webhook-route';
import { loadCall, tenantOfCall } from './call-rows';
import { CALL_STATUSES } from './call-state';
import { recordLeg } from './call-progress';
import { callingSettingsRoute } from './calling-settings-route';
import { CallLeadRequest, CallLeadResponse, callLead } from './click-to-call';
import { answerInboundCall } from './inbound-call';
import { connectCustomerTwiml, goodbyeTwiml, pressAnyKeyTwiml } from './twiml';
import { callWebhookUrls } from './webhook-urls';

const CallParams = z.object({ callId: Id });
const byCall = (services: CloudServices, _form: unknown, params: { callId: string }) =>
  tenantOfCall(services.db, params.callId);

const Status = z.enum(CALL_STATUSES as [string, ...string[]]);
/** Twilio posts durations as whole seconds in a string. */
const Seconds = z
  .string()
  .regex(/^\d{1,7}$/, 'must be whole seconds')
  .transform(Number)
  .optional();

async function leadOf(services: CloudServices, tenantId: string, leadId: string) {
  const [row] = await services.db.query<{ row: unknown }>(
    'SELECT row FROM leads WHERE tenant_id = $1 AND id = $2 AND NOT deleted',
    [tenantId, leadId],
  );
  return row ? Lead.parse(row.row) : null;
}

export const callRoutes = [
  signedInRoute({
    method: 'POST',
    url: '/v1/leads/:leadId/call',
    summary:
      "Click-to-call: Twilio rings your outbound phone from the store's number; press any key to be connected to the lead (its first phone, or `phone`). 403 opted_out (Dead), 404 not_found, 409 no_phone, no_outbound_phone, invalid_extension, store_has_no_number, twilio_not_connected; 502 twilio_refused.",
    access: 'agent',
    params: z.object({ leadId: Id }),
    body: CallLeadRequest,
    response: CallLeadResponse,
    handle: ({ services, auth, params, body }) => callLead(services, auth, params.leadId, body),
  }),

  callingSettingsRoute,

  twilioWebhookRoute({
    url: '/v1/twilio/voice',
    summary:
      "Twilio: a call to a store number. Forwarded to the assigned agent's phone (a lead with a conversation, an agent who forwards lead calls), else the store's lead-calls number, else its main number.",
    fields: z.object({
      CallSid: z.string().min(1).max(64),
      From: z.string().min(1).max(64),
      To: z.string().min(1).max(64),
    }),
    tenantOf: async (services, form) =>
      (
        await storeOfNumber(services.db, form.To ?? '', [
          'mainPhone',
          'leadCallsNumber',
          'textingNumber',
        ])
      )?.tenantId ?? null,
    handle: async ({ services, tenantId, fields }) => {
      const store = await storeOfNumber(services.db, fields.To, [
        'mainPhone',
        'leadCallsNumber',
        'textingNumber',
      ]);
      // tenantOf found it a moment ago; gone since (deleted): nobody here takes the call.
      if (!store || store.tenantId !== tenantId) return undefined;
      return answerInboundCall(services, tenantId, store, fields);
    },
  }),

  twilioWebhookRoute({
    url: '/v1/twilio/calls/:callId/connect',
    summary: 'Twilio: the agent answered a click-to-call; answers the "press any key" prompt.',
    fields: z.object({}),
    params: CallParams,
    tenantOf: byCall,
    handle: async ({ services, tenantId, params }) => {
      const call = await loadCall(services.db, tenantId, params.callId);
      if (!call?.leadId) return goodbyeTwiml();
      const lead = await leadOf(services, tenantId, call.leadId);
      const name = lead ? leadDisplayName(lead) : 'Unknown';
      return pressAnyKeyTwiml({
        customerName: name === 'Unknown' ? 'your customer' : name,
        bridgeUrl: callWebhookUrls(services, call.id).bridge,
      });
    },
  }),

  twilioWebhookRoute({
    url: '/v1/twilio/calls/:callId/bridge',
    summary: "Twilio: the prompt's Gather ended; a key pressed dials the customer.",
    fields: z.object({ Digits: z.string().max(10).optional() }),
    params: CallParams,
    tenantOf: byCall,
    handle: async ({ services, tenantId, params, fields }) => {
      const call = await loadCall(services.db, tenantId, params.callId);
      if (!call?.leadId || call.direction !== 'outbound' || !fields.Digits) return goodbyeTwiml();
      // Consent is checked again when the customer is about to be dialled, not only on click.
      const lead = await leadOf(services, tenantId, call.leadId);
      if (!lead || lead.status === 'dead' || lead.optedOut) {
        const name = lead ? leadDisplayName(lead) : 'The customer';
        return goodbyeTwiml(`${name} opted out, so the call was not connected.`);
      }
      return connectCustomerTwiml({
        storeNumber: call.storeNumber,
        customerNumber: call.customerNumber,
        dialledUrl: callWebhookUrls(services, call.id).dialled,
      });
    },
  }),

  twilioWebhookRoute({
    url: '/v1/twilio/calls/:callId/status',
    summary:
      "Twilio: a status callback of the call's first leg (CallStatus, CallDuration); the call's timeline event is written once it is over.",
    fields: z.object({ CallStatus: Status, CallDuration: Seconds }),
    params: CallParams,
    tenantOf: byCall,
    handle: async ({ services, tenantId, params, fields }) => {
      await recordLeg(
        services.db,
        tenantId,
        params.callId,
        { leg: 'first', status: fields.CallStatus, durationSeconds: fields.CallDuration ?? null },
        services.now(),
      );
      return undefined;
    },
  }),

  twilioWebhookRoute({
    url: '/v1/twilio/calls/:callId/dialled',
    summary:
      'Twilio: the Dial ended (DialCallStatus, DialCallDuration): how the customer (or the forwarded-to phone) answered, and for how long.',
    fields: z.object({ DialCallStatus: Status, DialCallDuration: Seconds }),
    params: CallParams,
    tenantOf: byCall,
    handle: async ({ services, tenantId, params, fields }) => {
      const now = services.now();
      const report = {
        leg: 'dialled' as const,
        status: fields.DialCallStatus,
        durationSeconds: fields.DialCallDuration ?? null,
      };
      const call = await recordLeg(services.db, tenantId, params.callId, report, now);
      // Inbound: Twilio tells us nothing of the caller's own leg; the Dial's end is the call's.
      if (call?.direction === 'inbound') {
        await recordLeg(
          services.db,
          tenantId,
          call.id,
          { leg: 'first', status: 'completed', durationSeconds: null },
          now,
        );
      }
      return undefined;
    },
  }),
];
