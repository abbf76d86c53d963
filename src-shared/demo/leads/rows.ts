import type { Channel, DeliveryStatus, Message } from '../../domain';
import type { SyncRow, SyncTable } from '../../sync/changes';
import { DEMO_TENANT } from '../catalog/stores';
import { LeadIds } from '../ids';
import { messagePreview } from '../../domain/message-preview';
import type { Rng } from '../random';
import type { PlacedStory } from './place';
import type { LeadProfile } from './profile';
import type { StoryMessage } from './writer';

type Upsert<T extends SyncTable> = { table: T; op: 'upsert'; row: SyncRow<T> };

/** The changes of one chunk of leads, by table, so they can be sent parents first. */
export interface LeadRows {
  leads: Upsert<'leads'>[];
  conversations: Upsert<'conversations'>[];
  messages: Upsert<'messages'>[];
  events: Upsert<'timeline_events'>[];
  appointments: Upsert<'appointments'>[];
}

export function emptyLeadRows(): LeadRows {
  return { leads: [], conversations: [], messages: [], events: [], appointments: [] };
}

const tenantId = DEMO_TENANT.id;
const MEDIA_HOST = 'https://media.summitautogroup.example';
/** Shared by the million messages without photos; nobody writes to a row's media. */
const NO_MEDIA: Message['media'] = [];

function deliveryOf(rng: Rng, m: StoryMessage): [DeliveryStatus, string | null] {
  if (m.scheduledAt !== null) return ['scheduled', null];
  if (m.author === 'customer') return ['received', null];
  const roll = rng.next();
  if (m.channel === 'sms' && roll < 0.02) return ['undelivered', '30003'];
  if (m.channel === 'sms' && roll < 0.03) return ['failed', '30007'];
  return [roll < 0.94 ? 'delivered' : 'sent', null];
}

function providerIdOf(m: StoryMessage, id: string): string | null {
  if (m.scheduledAt !== null) return null;
  const hex = id.slice(0, 8) + id.slice(9, 13) + id.slice(14, 18) + id.slice(19, 23) + id.slice(24);
  switch (m.channel) {
    case 'sms':
      return (m.photos ? 'MM' : 'SM') + hex;
    case 'messenger':
      return `m_${hex}`;
    case 'email':
      return `<${hex}@relay.summitautogroup.example>`;
    default:
      return null;
  }
}

function mediaOf(m: StoryMessage, p: LeadProfile, id: string): Message['media'] {
  if (!m.photos) return NO_MEDIA;
  if (m.author === 'customer') {
    return [
      { url: `${MEDIA_HOST}/mms/${id}/0.jpg`, contentType: 'image/jpeg', name: 'IMG_4127.jpg' },
    ];
  }
  const stock = p.offer.vehicle.stock;
  return [1, 2, 3].map((n) => ({
    url: `${MEDIA_HOST}/inventory/${stock}/${n}.jpg`,
    contentType: 'image/jpeg',
    name: `${stock}-${n}.jpg`,
  }));
}

/** Turns a placed story into rows with ids, and the lead row that sums them up. */
export function leadRows(
  out: LeadRows,
  rng: Rng,
  p: LeadProfile,
  story: PlacedStory,
  leadId: string,
  seedBits: number,
  managerId: string,
) {
  const ids = new LeadIds(seedBits, p.index);
  const agentId = p.agent?.id ?? null;
  const conversations = new Map<Channel, string>();
  const conversationFor = (channel: Channel, at: number): string => {
    let id = conversations.get(channel);
    if (!id) {
      id = ids.next('conversation', at);
      conversations.set(channel, id);
      const row = { id, tenantId, leadId, channel, createdAt: at };
      out.conversations.push({ table: 'conversations', op: 'upsert', row });
    }
    return id;
  };

  const firstCall = story.events.find((e) => e.kind === 'call');
  if (firstCall) conversationFor('voice', firstCall.at);
  let lastSent: StoryMessage | null = null;
  let lastPreview: string | null = null;
  for (const m of story.messages) {
    const id = ids.next('message', m.at);
    const [status, errorCode] = deliveryOf(rng, m);
    const row: Message = {
      id,
      tenantId,
      leadId,
      conversationId: conversationFor(m.channel, m.at),
      direction: m.author === 'customer' ? 'in' : 'out',
      authorUserId: m.author === 'agent' ? agentId : null,
      body: m.body,
      media: mediaOf(m, p, id),
      status,
      errorCode,
      providerId: providerIdOf(m, id),
      scheduledAt: m.scheduledAt,
      createdAt: m.at,
    };
    out.messages.push({ table: 'messages', op: 'upsert', row });
    if (m.scheduledAt === null) {
      lastSent = m;
      lastPreview = messagePreview(row);
    }
  }

  let appointmentId: string | null = null;
  for (const a of story.appointments) {
    appointmentId = ids.next('appointment', a.createdAt);
    const { startsAt, status, createdAt } = a;
    const row = { id: appointmentId, tenantId, leadId, storeId: p.store.row.id, startsAt, status };
    const createdByUserId = agentId;
    out.appointments.push({
      table: 'appointments',
      op: 'upsert',
      row: { ...row, createdByUserId, createdAt, vehicle: null, note: null },
    });
  }

  for (const e of story.events) {
    if (e.kind === 'appointment') e.data.appointmentId = appointmentId;
    if (e.kind === 'call') e.data.conversationId = conversations.get('voice');
    const row = {
      id: ids.next('event', e.at),
      tenantId,
      leadId,
      kind: e.kind,
      actorUserId: e.actor === 'agent' ? agentId : e.actor === 'manager' ? managerId : null,
      text: e.text,
      data: e.data,
      createdAt: e.at,
    };
    out.events.push({ table: 'timeline_events', op: 'upsert', row });
  }

  const first = Math.min(story.messages[0]?.at ?? Infinity, story.events[0]?.at ?? Infinity);
  const lastScheduled = story.messages[story.messages.length - 1];
  const updatedAt = Math.max(story.end, story.doneAt ?? 0, lastScheduled?.at ?? 0);
  const row: SyncRow<'leads'> = {
    id: leadId,
    tenantId,
    storeId: p.store.row.id,
    campaignId: p.campaignId,
    source: p.plan.source,
    firstName: p.firstName,
    lastName: p.lastName,
    phones: p.phones,
    email: p.email,
    language: p.plan.spanish ? 'es' : 'en',
    status: p.plan.status,
    optedOut: p.plan.status === 'dead',
    assignedUserId: agentId,
    collaboratorIds: p.collaboratorIds,
    labelIds: p.labelIds,
    vehicle: p.offer.vehicle,
    tradeIn: p.trade?.vehicle ?? null,
    financial: p.financial,
    disposition: p.disposition,
    notesExcerpt: story.notesExcerpt,
    awaitingSince: story.awaiting && lastSent ? lastSent.at : null,
    doneAt: story.doneAt,
    lastMessageAt: lastSent?.at ?? null,
    lastMessagePreview: lastPreview,
    lastChannel: lastSent?.channel ?? null,
    createdAt: Number.isFinite(first) ? first : story.end,
    updatedAt,
  };
  out.leads.push({ table: 'leads', op: 'upsert', row });
}
