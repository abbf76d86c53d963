import {
  LEAD_SOURCES,
  LEAD_STATUSES,
  type Appointment,
  type FilterFacts,
  type FolderFacts,
  type Lead,
  type Message,
  type SyncChange,
  type TimelineEvent,
} from '../../../src-shared';
import { CAMPAIGNS, catalogChanges, LABELS, STORES, TENANT, USERS } from './world-catalog';

export { CAMPAIGNS, LABELS, STORES, TENANT, USERS };

/**
 * A small dealer group made for the replica tests: a few hundred leads with every status,
 * labels, appointments and scheduled messages, as the SyncChange batches a pull would bring,
 * plus the facts the pure folder and filter rules need to judge each lead.
 */

/** mulberry32: the same data on every run. */
export function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    chance: (p: number) => next() < p,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  };
}

const FIRST = ['Maria', 'John', 'Ana', 'Luis', 'Wei', 'Fatima', 'Olga', 'Kwame', 'Priya', 'Tom'];
const LAST = ['Garcia', 'Smith', 'Nguyen', 'Okafor', 'Kowalski', 'Haddad', 'Silva', 'Brown'];
const WORDS = ['price', 'trade', 'tomorrow', 'silverado', 'camry', 'lease', 'payment', 'thanks'];

/** The lead a phone search for (970) 123-4567 must find, and a word only its messages hold. */
export const KNOWN = {
  leadId: 'lead-known',
  phone: '+19701234567',
  word: 'zeppelin',
  email: 'zoe.quist@example.com',
};

export interface World {
  batches: SyncChange[][];
  leads: Lead[];
  facts: Map<string, FolderFacts & FilterFacts>;
  messagesByLead: Map<string, Message[]>;
  eventsByLead: Map<string, TimelineEvent[]>;
}

export function makeWorld(seed = 7, leadCount = 300): World {
  const rng = prng(seed);
  const t0 = 1_700_000_000_000;
  const catalog = catalogChanges();
  const world: World = {
    batches: [catalog],
    leads: [],
    facts: new Map(),
    messagesByLead: new Map(),
    eventsByLead: new Map(),
  };
  let batch: SyncChange[] = [];
  for (let i = 0; i < leadCount; i++) {
    const known = i === 0;
    const id = known ? KNOWN.leadId : `lead-${String(i).padStart(4, '0')}`;
    const createdAt = t0 + rng.int(0, 1000) * 60_000; // minutes apart: sort ties happen
    const storeId = rng.pick(STORES);
    const first = rng.pick(FIRST);
    const last = rng.pick(LAST);
    const lead: Lead = {
      id,
      tenantId: TENANT,
      storeId,
      campaignId: rng.chance(0.7) ? rng.pick(CAMPAIGNS) : null,
      source: rng.pick(LEAD_SOURCES),
      firstName: known ? 'Zoe' : rng.chance(0.9) ? first : null,
      lastName: known ? 'Quist' : rng.chance(0.9) ? last : null,
      phones: known
        ? [{ number: KNOWN.phone, type: 'mobile' }]
        : [{ number: `+1303${String(5550000 + i).padStart(7, '0')}`, type: 'mobile' }],
      email: known
        ? KNOWN.email
        : rng.chance(0.5)
          ? `${first}.${last}${i}@mail.test`.toLowerCase()
          : null,
      language: 'en',
      status: rng.pick(LEAD_STATUSES),
      optedOut: false,
      assignedUserId: rng.chance(0.75) ? rng.pick(USERS) : null,
      collaboratorIds: [],
      labelIds: LABELS.filter(() => rng.chance(0.25)),
      vehicle: null,
      tradeIn: null,
      financial: null,
      disposition: null,
      notesExcerpt: rng.chance(0.2) ? 'Called back, wants a quote' : null,
      awaitingSince: rng.chance(0.3) ? createdAt + rng.int(1, 500) * 60_000 : null,
      doneAt: rng.chance(0.15) ? createdAt + 1000 : null,
      lastMessageAt: null,
      lastMessagePreview: null,
      lastChannel: null,
      createdAt,
      updatedAt: createdAt,
    };
    const conversationId = `conv-${id}`;
    const messages: Message[] = [];
    const messageCount = rng.int(0, 5);
    for (let m = 0; m < messageCount; m++) {
      const scheduled = rng.chance(0.1);
      messages.push({
        id: `msg-${id}-${m}`,
        tenantId: TENANT,
        leadId: id,
        conversationId,
        direction: m % 2 === 0 ? 'in' : 'out',
        authorUserId: null,
        body:
          known && m === 0
            ? `Is the ${KNOWN.word} still there?`
            : `${rng.pick(WORDS)} ${rng.pick(WORDS)} please`,
        media: [],
        status: scheduled ? 'scheduled' : 'delivered',
        errorCode: null,
        providerId: null,
        scheduledAt: scheduled ? createdAt + 86_400_000 : null,
        createdAt: createdAt + (m + 1) * 60_000 * rng.int(0, 3), // equal times happen too
      });
    }
    if (known && messages.length === 0) {
      messages.push({
        id: `msg-${id}-0`,
        tenantId: TENANT,
        leadId: id,
        conversationId,
        direction: 'in',
        authorUserId: null,
        body: `Is the ${KNOWN.word} still there?`,
        media: [],
        status: 'received',
        errorCode: null,
        providerId: null,
        scheduledAt: null,
        createdAt: createdAt + 60_000,
      });
    }
    const lastMessage = messages.filter((m) => m.status !== 'scheduled').at(-1);
    if (lastMessage) {
      lead.lastMessageAt = Math.max(...messages.map((m) => m.createdAt));
      lead.lastMessagePreview = lastMessage.body.slice(0, 200);
      lead.lastChannel = 'sms';
    }
    const appointments: Appointment[] = [];
    for (let a = rng.int(0, 2); a > 0; a--) {
      appointments.push({
        id: `appt-${id}-${a}`,
        tenantId: TENANT,
        leadId: id,
        storeId,
        startsAt: createdAt + a * 86_400_000,
        status: rng.pick(['booked', 'showed', 'no_show', 'cancelled'] as const),
        createdByUserId: null,
        createdAt,
        vehicle: null,
        note: null,
      });
    }
    const events: TimelineEvent[] = [];
    for (let e = rng.int(0, 3); e > 0; e--) {
      events.push({
        id: `event-${id}-${e}`,
        tenantId: TENANT,
        leadId: id,
        kind: 'note',
        actorUserId: null,
        text: `Note ${e}`,
        data: {},
        createdAt: createdAt + e * 60_000,
      });
    }
    // Children sometimes arrive before their lead, as a pull may bring them.
    const children: SyncChange[] = [
      {
        table: 'conversations',
        op: 'upsert',
        row: { id: conversationId, tenantId: TENANT, leadId: id, channel: 'sms', createdAt },
      },
      ...messages.map((row): SyncChange => ({ table: 'messages', op: 'upsert', row })),
      ...appointments.map((row): SyncChange => ({ table: 'appointments', op: 'upsert', row })),
      ...events.map((row): SyncChange => ({ table: 'timeline_events', op: 'upsert', row })),
    ];
    const leadChange: SyncChange = { table: 'leads', op: 'upsert', row: lead };
    batch.push(...(rng.chance(0.2) ? [...children, leadChange] : [leadChange, ...children]));
    if (batch.length > 200) {
      world.batches.push(batch);
      batch = [];
    }
    world.leads.push(lead);
    world.messagesByLead.set(id, messages);
    world.eventsByLead.set(id, events);
    world.facts.set(id, factsOf(lead, appointments, messages));
  }
  world.batches.push(batch);
  return world;
}

export function factsOf(
  lead: Lead,
  appointments: Appointment[],
  messages: Message[],
): FolderFacts & FilterFacts {
  return {
    status: lead.status,
    awaitingSince: lead.awaitingSince,
    doneAt: lead.doneAt,
    bookedAppointments: appointments.filter((a) => a.status === 'booked').length,
    showedAppointments: appointments.filter((a) => a.status === 'showed').length,
    scheduledMessages: messages.filter((m) => m.status === 'scheduled').length,
    storeId: lead.storeId,
    campaignId: lead.campaignId,
    assignedUserId: lead.assignedUserId,
    source: lead.source,
    labelIds: lead.labelIds,
  };
}
