import { v7 as uuidv7 } from 'uuid';
import { extensionToSendDigits } from '../../src-shared/calls/extension';
import { User } from '../../src-shared/domain/user';
import type { Store } from '../../src-shared/domain/tenant';
import { toE164 } from '../../src-shared/phone/phone';
import type { Tx } from '../db/db';
import { findLead } from '../inbound/lead-of-sender';
import type { CloudServices } from '../services';
import { writeInTenant } from '../sync/tenant-write';
import { callBySid, insertCall, type CallRow } from './call-rows';
import { writeCallEvent } from './call-progress';
import { routeInboundCall } from './inbound-routing';
import { forwardCallTwiml, nobodyCanTakeTwiml } from './twiml';
import { callWebhookUrls } from './webhook-urls';

export interface InboundCallForm {
  CallSid: string;
  From: string;
  To: string;
}

/**
 * A customer calling a store number (POST /v1/twilio/voice): routed by `routeInboundCall`,
 * logged as an inbound call of the caller's lead (a caller who is nobody's lead stays nobody's:
 * calls create no leads, seed 004). A call with nowhere to go is over at once, and so is its
 * timeline event; any other is completed by the Dial's action. Twilio retrying the webhook
 * gets the same answer and no second call.
 */
export async function answerInboundCall(
  services: CloudServices,
  tenantId: string,
  store: Store,
  form: InboundCallForm,
): Promise<string> {
  const calledNumber = toE164(form.To) ?? form.To;
  const callerNumber = toE164(form.From) ?? form.From;
  const now = services.now();
  const { call, sendDigits } = await writeInTenant(services.db, tenantId, async (tx, write) => {
    const known = await callBySid(tx, tenantId, form.CallSid);
    if (known) return { call: known, sendDigits: await agentDigits(tx, known) };
    const lead = await findLead(tx, tenantId, store.id, {
      phone: callerNumber,
      email: null,
      firstName: null,
      lastName: null,
    });
    const assignedAgent = lead?.assignedUserId
      ? await activeUser(tx, tenantId, lead.assignedUserId)
      : null;
    const route = routeInboundCall({
      calledNumber,
      callerNumber,
      store,
      hasConversation: lead ? await hasConversation(tx, tenantId, lead.id) : false,
      assignedAgent,
    });
    const over = route.to === 'nobody';
    const row: CallRow = {
      id: uuidv7(),
      tenantId,
      storeId: store.id,
      leadId: lead?.id ?? null,
      agentUserId: route.to === 'agent' ? route.user.id : null,
      direction: 'inbound',
      callSid: form.CallSid,
      customerNumber: callerNumber,
      storeNumber: calledNumber,
      viaNumber: route.to === 'nobody' ? null : route.number,
      startedAt: now,
      answeredAt: null,
      endedAt: over ? now : null,
      firstStatus: over ? 'completed' : 'in-progress',
      firstDuration: null,
      dialledStatus: null,
      dialledDuration: null,
      outcome: over ? 'no-answer' : null,
      durationSeconds: over ? 0 : null,
      eventId: uuidv7(),
      eventWritten: false,
      error: null,
    };
    await insertCall(tx, row);
    if (over) await writeCallEvent(tx, write, row);
    return { call: row, sendDigits: route.to === 'nobody' ? '' : route.sendDigits };
  });
  if (call.viaNumber === null) return nobodyCanTakeTwiml(store.name);
  return forwardCallTwiml({
    number: call.viaNumber,
    sendDigits,
    dialledUrl: callWebhookUrls(services, call.id).dialled,
  });
}

/** The extension dialled after the forwarded-to agent's phone answers (a replayed webhook). */
async function agentDigits(tx: Tx, call: CallRow): Promise<string> {
  const agent = call.agentUserId ? await activeUser(tx, call.tenantId, call.agentUserId) : null;
  const digits = agent ? extensionToSendDigits(agent.extension) : null;
  return digits?.ok ? digits.sendDigits : '';
}

async function hasConversation(tx: Tx, tenantId: string, leadId: string): Promise<boolean> {
  const found = await tx.query(
    'SELECT 1 FROM conversations WHERE tenant_id = $1 AND lead_id = $2 AND NOT deleted LIMIT 1',
    [tenantId, leadId],
  );
  return found.length > 0;
}

/** A user of the tenant who may still be reached (not disabled). */
async function activeUser(tx: Tx, tenantId: string, userId: string): Promise<User | null> {
  const [row] = await tx.query<{ row: unknown }>(
    `SELECT row FROM users WHERE tenant_id = $1 AND id = $2 AND NOT deleted
       AND disabled_at IS NULL`,
    [tenantId, userId],
  );
  return row ? User.parse(row.row) : null;
}
