import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { Channel, Conversation, Message } from '../../src-shared/domain/conversation';
import type { Lead } from '../../src-shared/domain/lead';
import type { MediaRef } from '../../src-shared/domain/media';
import { LEAD_SOURCES, LeadSource } from '../../src-shared/domain/lead-status';
import { messagePreview } from '../../src-shared/domain/message-preview';
import { Store } from '../../src-shared/domain/tenant';
import { toE164 } from '../../src-shared/phone/phone';
import { InboundMessageRequest, type InboundMessageResponse } from '../../src-shared/sync/protocol';
import type { Tx } from '../db/db';
import { HttpError, parseOr400 } from '../http/errors';
import { offerToOnlineAgents, type MadeOffer } from '../offers/make-offer';
import { notifyMissed } from '../offers/notify-missed';
import type { OfferServices } from '../offers/offer-services';
import type { CloudServices } from '../services';
import type { SyncWriter } from '../sync/writer';
import { pauseFunnels } from './pause-funnels';
import { fillGaps, newLead, SOURCE_BY_CHANNEL, type Sender } from './lead-of-sender';
import { senderThread } from './sender-thread';

type Checked = z.output<typeof InboundMessageRequest>;

/** What receiving a message needs: making offers, and the tenant's grouped writes. */
export type InboundServices = OfferServices & Pick<CloudServices, 'groupedWrites'>;

/**
 * POST /v1/inbound: a customer's message as a manager (or a test) posts it. A bad request is a
 * 400 naming the field, and nothing is written; the rest is `receiveMessage`.
 */
export async function receiveInbound(
  services: InboundServices,
  tenantId: string,
  input: z.input<typeof InboundMessageRequest>,
): Promise<InboundMessageResponse> {
  const request = parseOr400(InboundMessageRequest, input, 'the inbound message is not valid');
  const received = await receiveMessage(services, tenantId, {
    storeId: request.storeId,
    channel: request.channel,
    sender: senderOf(request),
    source: sourceOf(request),
    body: request.body,
  });
  // Without a provider id nothing is a redelivery: there is always a message.
  if (!received)
    throw new Error('an inbound message without a provider id was taken as a duplicate');
  return received;
}

/** A message as a channel hands it over, already checked (POST /v1/inbound, the webhooks). */
export interface Arrival {
  storeId: string;
  /** The store already read (a webhook found it by its number): not read again under the lock. */
  store?: Store;
  channel: Exclude<Channel, 'voice'>;
  sender: Sender;
  /** The source a new lead gets. */
  source: LeadSource;
  /** May be empty when attachments come with it. */
  body: string;
  /** Attachments already stored (the cloud's /v1/media/ID). */
  media?: MediaRef[];
  /** Attachments still being fetched: counted in the queue's preview meanwhile. */
  pendingMedia?: number;
  /** The provider's id (Twilio's MessageSid): a second arrival with it is dropped. */
  providerId?: string | null;
  /**
   * Runs in the message's transaction before the offer is decided (the consent rules of the
   * texting channel): answers the lead as it is now, e.g. Dead after a STOP, which rings nobody.
   */
  onReceived?: (received: ReceivedInTransaction) => Promise<Lead>;
}

/** What `Arrival.onReceived` sees: everything written so far, and the writer to add to it. */
export interface ReceivedInTransaction {
  tx: Tx;
  write: SyncWriter;
  store: Store;
  lead: Lead;
  /** The lead was created by this message. */
  isNewLead: boolean;
  message: Message;
  now: number;
}

/**
 * A customer's message arriving at a store, from any channel. The sender's lead (found by phone
 * or email, else created), the channel's conversation and the message are written in one
 * transaction through the sync writer, so every desktop pulls them; a new conversation of an
 * unassigned lead rings at the store's online agents in that same transaction. Messages of one
 * dealer group arriving together share that transaction (`GroupedWrites`). Null: a message
 * with this provider id arrived before (a redelivered webhook), and nothing was written.
 */
export async function receiveMessage(
  services: InboundServices,
  tenantId: string,
  arrival: Arrival,
): Promise<InboundMessageResponse | null> {
  const { sender, source } = arrival;
  const media = arrival.media ?? [];
  const providerId = arrival.providerId ?? null;
  const now = services.now();

  const received = await services.groupedWrites.write(tenantId, async (tx, write) => {
    const store =
      arrival.store?.tenantId === tenantId && arrival.store.id === arrival.storeId
        ? arrival.store
        : await storeOf(tx, tenantId, arrival.storeId);
    // Under the tenant's write lock: a redelivery racing the first delivery waits for it.
    const thread = await senderThread(tx, {
      tenantId,
      storeId: store.id,
      sender,
      channel: arrival.channel,
      providerId,
    });
    if (thread.known) return null;
    const found = thread.lead;
    // The preview only counts attachments: those still coming count as much as those here.
    const coming: MediaRef[] = Array.from({ length: arrival.pendingMedia ?? 0 }, () => NO_MEDIA);
    const preview = messagePreview({ body: arrival.body, media: [...media, ...coming] });
    let lead: Lead = {
      ...(found ?? newLead({ id: uuidv7(), tenantId, storeId: store.id }, sender, source, now)),
      ...(found ? fillGaps(found, sender) : {}),
      // The customer wrote last: Awaiting Response, waiting since their first unanswered message.
      awaitingSince: found?.awaitingSince ?? now,
      lastMessageAt: now,
      lastMessagePreview: preview,
      lastChannel: arrival.channel,
      updatedAt: now,
    };
    const isNew = thread.conversation === null;
    const conversation = thread.conversation ?? conversationOfLead(lead, arrival.channel, now);
    const message: Message = {
      id: uuidv7(),
      tenantId,
      leadId: lead.id,
      conversationId: conversation.id,
      direction: 'in',
      authorUserId: null,
      body: arrival.body,
      media,
      status: 'received',
      errorCode: null,
      providerId,
      scheduledAt: null,
      createdAt: now,
    };
    // One statement for the lot: this runs under the tenant's lock, every round trip counts.
    await write.putAll([
      { op: found ? 'update' : 'insert', table: 'leads', row: lead },
      ...(isNew
        ? [{ op: 'insert' as const, table: 'conversations' as const, row: conversation }]
        : []),
      { op: 'insert', table: 'messages', row: message },
    ]);
    await pauseFunnels(tx, write, lead, now, thread.scheduledSteps);
    if (arrival.onReceived) {
      lead = await arrival.onReceived({ tx, write, store, lead, isNewLead: !found, message, now });
    }
    // A Dead lead rings nowhere: nobody may answer them until a manager opts them back in.
    const rings = isNew && lead.assignedUserId === null && lead.status !== 'dead' && !lead.optedOut;
    const offer: MadeOffer | null = rings
      ? await offerToOnlineAgents(tx, { tenantId, lead, store, firstMessage: preview, now })
      : null;
    return { leadId: lead.id, conversationId: conversation.id, messageId: message.id, offer };
  });
  if (!received) return null;

  // Not awaited: a webhook answers its provider at once, whatever SMTP or the texter are doing.
  const missed = received.offer?.missed;
  if (missed) {
    notifyMissed(services, missed).catch((error: unknown) =>
      services.log.error(
        { err: error, offerId: missed.alert.offerId },
        'missed-lead notices failed',
      ),
    );
  }
  const { offer, ...ids } = received;
  // Missed at once rang nowhere: the response says no offer, as InboundMessageResponse asks.
  return { ...ids, offerId: offer && !offer.missed ? offer.offerId : null };
}

const NO_MEDIA: MediaRef = { url: '', contentType: '', name: '' };

function senderOf(request: Checked): Sender {
  const { phone, email, firstName, lastName } = request.from;
  const e164 = phone === null ? null : toE164(phone);
  if (phone !== null && e164 === null) {
    throw new HttpError(400, 'invalid_request', `from.phone: "${phone}" is not a phone number`);
  }
  const name = (value: string | null) => value?.trim() || null;
  return { phone: e164, email, firstName: name(firstName), lastName: name(lastName) };
}

function sourceOf(request: Checked): LeadSource {
  if (request.source === undefined) return SOURCE_BY_CHANNEL[request.channel];
  const source = LeadSource.safeParse(request.source);
  if (!source.success) {
    throw new HttpError(
      400,
      'invalid_request',
      `source: "${request.source}" is not a lead source; one of ${LEAD_SOURCES.join(', ')}`,
    );
  }
  return source.data;
}

/** The store, in this tenant only: one of another tenant is as unknown as a made-up id. */
async function storeOf(tx: Tx, tenantId: string, storeId: string): Promise<Store> {
  const [found] = await tx.query<{ row: unknown }>(
    'SELECT row FROM stores WHERE tenant_id = $1 AND id = $2 AND NOT deleted',
    [tenantId, storeId],
  );
  if (!found) throw new HttpError(404, 'not_found', `storeId: no store ${storeId} here`);
  return Store.parse(found.row);
}

export async function conversationOf(
  tx: Tx,
  write: SyncWriter,
  lead: Lead,
  channel: Channel,
  now: number,
): Promise<{ conversation: Conversation; isNew: boolean }> {
  const [existing] = await tx.query<{ row: Conversation }>(
    `SELECT row FROM conversations WHERE tenant_id = $1 AND lead_id = $2 AND NOT deleted
       AND row ->> 'channel' = $3 ORDER BY version LIMIT 1`,
    [lead.tenantId, lead.id, channel],
  );
  if (existing) return { conversation: existing.row, isNew: false };
  return newConversation(write, lead, channel, now);
}

/** The lead's first conversation on this channel (the caller knows it has none). */
async function newConversation(
  write: SyncWriter,
  lead: Lead,
  channel: Channel,
  now: number,
): Promise<{ conversation: Conversation; isNew: true }> {
  const conversation = conversationOfLead(lead, channel, now);
  await write.insert('conversations', conversation);
  return { conversation, isNew: true };
}

/** A new conversation of the lead on this channel, not yet written. */
function conversationOfLead(lead: Lead, channel: Channel, now: number): Conversation {
  return { id: uuidv7(), tenantId: lead.tenantId, leadId: lead.id, channel, createdAt: now };
}
