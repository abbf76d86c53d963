import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { extensionToSendDigits } from '../../src-shared/calls/extension';
import { E164 } from '../../src-shared/domain/common';
import { Lead, leadDisplayName } from '../../src-shared/domain/lead';
import { Store } from '../../src-shared/domain/tenant';
import { User } from '../../src-shared/domain/user';
import type { AuthContext } from '../accounts/auth-context';
import { canSeeStore } from '../accounts/auth-context';
import { HttpError } from '../http/errors';
import type { CloudServices } from '../services';
import { loadTwilioAccount } from '../twilio/account';
import { twilioClient } from '../twilio/client';
import { insertCall, updateCall, type CallRow } from './call-rows';
import { callWebhookUrls } from './webhook-urls';

export const CallLeadRequest = z
  .object({
    /** One of the lead's phones; default: its first. */
    phone: E164.optional(),
  })
  .strict();
export type CallLeadRequest = z.infer<typeof CallLeadRequest>;

export const CallLeadResponse = z.object({
  callId: z.string(),
  /** The phone Twilio is ringing now: the agent's own. */
  agentPhone: E164,
  customerNumber: E164,
});
export type CallLeadResponse = z.infer<typeof CallLeadResponse>;

/**
 * Click-to-call (DESIGN §8, seed 004 "Calling Steps"): Twilio rings the agent's outbound phone
 * from the store's number (its main phone, else its texting number); once it answers, the
 * agent's extension is dialled (`sendDigits`: the extension belongs to the agent's phone, the
 * desk behind a company switchboard, never to the customer's), then the prompt asks for a key
 * and only a key connects the customer. The call is logged before Twilio is asked, so its
 * webhooks always find it.
 */
export async function callLead(
  services: CloudServices,
  auth: AuthContext,
  leadId: string,
  request: CallLeadRequest,
): Promise<CallLeadResponse> {
  const { db } = services;
  const lead = await loadLead(services, auth, leadId);
  const name = leadDisplayName(lead);
  if (lead.status === 'dead' || lead.optedOut) {
    throw new HttpError(
      403,
      'opted_out',
      `${name} opted out (Dead): nobody can call them until a manager opts them back in`,
    );
  }
  const customerNumber = request.phone ?? lead.phones[0]?.number;
  if (!customerNumber) throw new HttpError(409, 'no_phone', `${name} has no phone number to call`);
  if (!lead.phones.some((phone) => phone.number === customerNumber)) {
    throw new HttpError(400, 'invalid_request', `phone: ${customerNumber} is not one of ${name}'s`);
  }
  const agent = await loadMe(services, auth);
  if (!agent.phone) {
    throw new HttpError(
      409,
      'no_outbound_phone',
      'set your outbound phone in Settings: Showroom rings it first, then connects you to the customer',
    );
  }
  const digits = extensionToSendDigits(agent.extension);
  if (!digits.ok) {
    throw new HttpError(
      409,
      'invalid_extension',
      `fix your extension in Settings: ${digits.problem}`,
    );
  }
  const store = await loadStore(services, auth.tenantId, lead.storeId);
  const storeNumber = store.mainPhone ?? store.textingNumber;
  if (!storeNumber) {
    throw new HttpError(
      409,
      'store_has_no_number',
      `${store.name} has no phone number to call from (a main phone or texting number); an admin sets it`,
    );
  }
  const account = await loadTwilioAccount(db, services.secrets, auth.tenantId);
  if (!account) {
    throw new HttpError(
      409,
      'twilio_not_connected',
      'your dealer group has not connected a Twilio account, so calls cannot be placed',
    );
  }

  const call: CallRow = {
    id: uuidv7(),
    tenantId: auth.tenantId,
    storeId: store.id,
    leadId: lead.id,
    agentUserId: agent.id,
    direction: 'outbound',
    callSid: null,
    customerNumber,
    storeNumber,
    viaNumber: agent.phone,
    startedAt: services.now(),
    answeredAt: null,
    endedAt: null,
    firstStatus: 'queued',
    firstDuration: null,
    dialledStatus: null,
    dialledDuration: null,
    outcome: null,
    durationSeconds: null,
    eventId: uuidv7(),
    eventWritten: false,
    error: null,
  };
  await insertCall(db, call);
  const urls = callWebhookUrls(services, call.id);
  try {
    const placed = await twilioClient(account, services.config.twilioApiOrigin).calls.create({
      to: agent.phone,
      from: storeNumber,
      url: urls.connect,
      method: 'POST',
      statusCallback: urls.status,
      statusCallbackMethod: 'POST',
      statusCallbackEvent: ['initiated', 'ringing', 'answered', 'completed'],
      ...(digits.sendDigits && { sendDigits: digits.sendDigits }),
    });
    await updateCall(db, call, { callSid: placed.sid });
  } catch (error) {
    const said = twilioProblem(error);
    await updateCall(db, call, { firstStatus: 'failed', outcome: 'failed', error: said });
    throw new HttpError(502, 'twilio_refused', `Twilio did not place the call: ${said}`);
  }
  return { callId: call.id, agentPhone: agent.phone, customerNumber };
}

/** Twilio's own words (RestException: message and code); never the request, which is signed. */
function twilioProblem(error: unknown): string {
  const rest = error as { message?: unknown; code?: unknown; status?: unknown };
  const message = typeof rest.message === 'string' ? rest.message : 'no answer from Twilio';
  return typeof rest.code === 'number' ? `${message} (error ${rest.code})` : message;
}

/** The lead, if it is this tenant's and in a store the caller works; else as unknown as none. */
async function loadLead(services: CloudServices, auth: AuthContext, leadId: string) {
  const [row] = await services.db.query<{ row: unknown }>(
    'SELECT row FROM leads WHERE tenant_id = $1 AND id = $2 AND NOT deleted',
    [auth.tenantId, leadId],
  );
  const lead = row ? Lead.parse(row.row) : null;
  if (!lead || !canSeeStore(auth, lead.storeId)) {
    throw new HttpError(404, 'not_found', `no lead ${leadId} here`);
  }
  return lead;
}

/** The caller as stored now: their phone may have changed since this session was cached. */
async function loadMe(services: CloudServices, auth: AuthContext): Promise<User> {
  const [row] = await services.db.query<{ row: unknown }>(
    'SELECT row FROM users WHERE tenant_id = $1 AND id = $2 AND NOT deleted',
    [auth.tenantId, auth.userId],
  );
  return row ? User.parse(row.row) : auth.user;
}

async function loadStore(services: CloudServices, tenantId: string, storeId: string) {
  const [row] = await services.db.query<{ row: unknown }>(
    'SELECT row FROM stores WHERE tenant_id = $1 AND id = $2 AND NOT deleted',
    [tenantId, storeId],
  );
  if (!row) throw new HttpError(404, 'not_found', `no store ${storeId} here`);
  return Store.parse(row.row);
}
