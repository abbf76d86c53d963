import { v7 as uuidv7 } from 'uuid';
import { classifyKeyword, detectFreeTextOptOut } from '../../src-shared/consent';
import type { Message } from '../../src-shared/domain/conversation';
import type { Lead } from '../../src-shared/domain/lead';
import { LEAD_STATUS_LABELS, LeadStatus } from '../../src-shared/domain/lead-status';
import type { Store } from '../../src-shared/domain/tenant';
import type { TimelineKind } from '../../src-shared/domain/timeline';
import { formatPhone } from '../../src-shared/phone/phone';
import type { ReceivedInTransaction } from '../inbound/receive-inbound';
import { isNumberOptedOut, recordConsent, type ConsentEntry } from './ledger';

/** What the consent rules made of a customer's text. */
export interface TextConsent {
  /** The lead as it is now (Dead after a STOP, back in after START). */
  lead: Lead;
  /** What to text back at once (HELP), or null. */
  reply: string | null;
}

/**
 * The consent rules for a text a customer sent (DESIGN §8, issue 5 item 4), in the message's
 * transaction: a STOP word or a revocation in ordinary words moves the lead to Dead and the
 * number into the ledger as opted out; START / YES / UNSTOP from an opted-out number opts it
 * back in; HELP / INFO is answered with the store's name and phone. A new lead from a number
 * the store may not text starts Dead. `phone` is the sender's number, E.164; `text` what they
 * wrote (the message's body may gain notes about attachments later).
 */
export async function applyTextConsent(
  received: ReceivedInTransaction,
  phone: string,
  text: string,
): Promise<TextConsent> {
  const { tx, store, lead, now } = received;
  const intent = classifyKeyword(text);
  // Read only when the text is about consent or the lead is new: most texts are neither.
  let known: boolean | null = null;
  const numberIsOut = async () =>
    (known ??= await isNumberOptedOut(tx, lead.tenantId, store.id, phone));
  const ledger = (event: ConsentEntry['event'], how: ConsentEntry['how']) =>
    recordConsent(tx, {
      tenantId: lead.tenantId,
      storeId: store.id,
      phone,
      event,
      at: now,
      how,
      byUserId: null,
      leadId: lead.id,
      sourceText: text,
    });

  switch (intent) {
    case 'help': {
      const reply = helpReply(store);
      await writeAutoReply(received, reply);
      return { lead, reply };
    }
    case 'opt-out': {
      if (!(await numberIsOut())) await ledger('opt_out', 'customer keyword');
      const keyword = text.trim();
      const next = await optOutLead(received, `Opted out: the customer texted “${keyword}”.`, {
        how: 'customer keyword',
        keyword,
      });
      return { lead: next, reply: null };
    }
    case 'opt-in': {
      // "Yes" from someone who never opted out is an answer, not a keyword.
      if (!lead.optedOut && !(await numberIsOut())) break;
      await ledger('opt_in', 'customer keyword');
      return { lead: await optInLead(received, text.trim()), reply: null };
    }
    case null:
      break;
  }
  if (lead.optedOut) return { lead, reply: null };
  const revoked = detectFreeTextOptOut(text);
  if (revoked) {
    if (!(await numberIsOut())) await ledger('opt_out', 'customer free text');
    const next = await optOutLead(received, revoked.reason, {
      how: 'customer free text',
      matched: revoked.matched,
    });
    return { lead: next, reply: null };
  }
  if (received.isNewLead && (await numberIsOut())) {
    const text = `This number opted out of texts from ${store.name}; a manager may opt them back in.`;
    return { lead: await optOutLead(received, text, { how: 'earlier opt-out' }), reply: null };
  }
  return { lead, reply: null };
}

/** The HELP answer: who is texting and how to reach a person (CTIA asks for both). */
export function helpReply(store: Store): string {
  const phone = store.mainPhone ?? store.textingNumber;
  const call = phone ? ` Call us at ${formatPhone(phone)}.` : '';
  return `${store.name}:${call} Reply STOP to stop texts.`;
}

async function optOutLead(
  received: ReceivedInTransaction,
  text: string,
  data: Record<string, unknown>,
): Promise<Lead> {
  const { lead, write, now, message } = received;
  if (lead.status === 'dead' && lead.optedOut) return lead;
  const next: Lead = { ...lead, status: 'dead', optedOut: true, updatedAt: now };
  await write.update('leads', next);
  await addEvent(received, 'opt_out', text, {
    ...data,
    fromStatus: lead.status,
    messageId: message.id,
  });
  return next;
}

/** Back to the status it had before it opted out (New when that is unknown). */
async function optInLead(received: ReceivedInTransaction, keyword: string): Promise<Lead> {
  const { lead, write, now, message } = received;
  const status =
    lead.optedOut || lead.status === 'dead' ? await statusBeforeOptOut(received) : lead.status;
  const next: Lead = { ...lead, status, optedOut: false, updatedAt: now };
  await write.update('leads', next);
  await addEvent(
    received,
    'opt_in',
    `Opted in: the customer texted “${keyword}”. Status: ${LEAD_STATUS_LABELS[status]}.`,
    { how: 'customer keyword', keyword, toStatus: status, messageId: message.id },
  );
  return next;
}

async function statusBeforeOptOut({ tx, lead }: ReceivedInTransaction): Promise<LeadStatus> {
  const [latest] = await tx.query<{ from_status: unknown }>(
    `SELECT row -> 'data' ->> 'fromStatus' AS from_status FROM timeline_events
     WHERE tenant_id = $1 AND lead_id = $2 AND NOT deleted AND row ->> 'kind' = 'opt_out'
     ORDER BY version DESC LIMIT 1`,
    [lead.tenantId, lead.id],
  );
  const status = LeadStatus.safeParse(latest?.from_status);
  return status.success && status.data !== 'dead' ? status.data : 'new';
}

async function addEvent(
  { write, lead, now }: ReceivedInTransaction,
  kind: TimelineKind,
  text: string,
  data: Record<string, unknown>,
): Promise<void> {
  await write.insert('timeline_events', {
    id: uuidv7(),
    tenantId: lead.tenantId,
    leadId: lead.id,
    kind,
    actorUserId: null,
    text,
    data,
    createdAt: now,
  });
}

/** The HELP answer in the thread, as the automation's message, so the agent sees what was said. */
async function writeAutoReply(received: ReceivedInTransaction, body: string): Promise<void> {
  const { write, lead, message, now } = received;
  const reply: Message = {
    id: uuidv7(),
    tenantId: lead.tenantId,
    leadId: lead.id,
    conversationId: message.conversationId,
    direction: 'out',
    authorUserId: null,
    body,
    media: [],
    // Sent by Twilio as the webhook's TwiML answer: no send of ours, no status callback.
    status: 'sent',
    errorCode: null,
    providerId: null,
    scheduledAt: null,
    createdAt: now,
  };
  await write.insert('messages', reply);
}
