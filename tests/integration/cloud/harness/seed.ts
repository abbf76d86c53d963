import { v7 as uuidv7 } from 'uuid';
import type { Appointment } from '../../../../src-shared/domain/appointment';
import type { Label } from '../../../../src-shared/domain/catalog';
import type { Conversation, Message } from '../../../../src-shared/domain/conversation';
import { blankLead, type Lead } from '../../../../src-shared/domain/lead';
import type { Campaign, Store } from '../../../../src-shared/domain/tenant';
import {
  DEFAULT_DISPOSITIONS,
  NO_CRM,
  storeContacts,
} from '../../../../src-shared/domain/store-contacts';
import { DEFAULT_QUIET_HOURS } from '../../../../src-shared/domain/quiet-hours-settings';
import type { Role, User } from '../../../../src-shared/domain/user';
import type { SyncChange, SyncRow, SyncTable } from '../../../../src-shared/sync/changes';
import { hashPassword } from '../../../../src-cloud/accounts/passwords';
import type { Db } from '../../../../src-cloud/db/db';
import { loadChanges } from '../../../../src-cloud/sync/load-changes';
import { lockTenant } from '../../../../src-cloud/sync/tenant-write';

export const PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;

export interface SeededUser {
  user: User;
  email: string;
  password: string;
}

/** A dealer group with two stores, one user of each role (two agents) and a few leads. */
export interface SeededTenant {
  tenantId: string;
  stores: [Store, Store];
  campaign: Campaign;
  label: Label;
  admin: SeededUser;
  manager: SeededUser;
  /** Works store 0 only. */
  agent: SeededUser;
  /** Works store 1 only. */
  otherAgent: SeededUser;
  /** In store 0: one open, one Dead (opted out), one awaiting a response. */
  leads: { open: Lead; dead: Lead; awaiting: Lead; otherStore: Lead };
  appointment: Appointment;
}

export function makeLead(tenantId: string, storeId: string, changes: Partial<Lead> = {}): Lead {
  return {
    ...blankLead({ id: uuidv7(), tenantId, storeId, source: 'Text' }, Date.now()),
    firstName: 'Pat',
    lastName: 'Customer',
    phones: [{ number: '+13035550123', type: 'mobile' }],
    email: 'pat@example.com',
    ...changes,
  };
}

/** The lead's new conversation on a channel (texts unless said), as a fixture. */
export function makeConversation(
  lead: Lead,
  channel: Conversation['channel'] = 'sms',
): Conversation {
  return { id: uuidv7(), tenantId: lead.tenantId, leadId: lead.id, channel, createdAt: Date.now() };
}

/** A customer's message in a conversation, as a fixture; `changes` make it anything else. */
export function makeMessage(conversation: Conversation, changes: Partial<Message> = {}): Message {
  return {
    id: uuidv7(),
    tenantId: conversation.tenantId,
    leadId: conversation.leadId,
    conversationId: conversation.id,
    direction: 'in',
    authorUserId: null,
    body: 'Is it still there?',
    media: [],
    status: 'received',
    errorCode: null,
    providerId: null,
    scheduledAt: null,
    createdAt: Date.now(),
    ...changes,
  };
}

function makeStore(tenantId: string, name: string): Store {
  return {
    id: uuidv7(),
    tenantId,
    name,
    address: { street: '1 Main St', city: 'Denver', state: 'CO', zip: '80202' },
    timeZone: 'America/Denver',
    businessHours: { mon: { open: '09:00', close: '18:00' } },
    mainPhone: null,
    textingNumber: null,
    leadCallsNumber: null,
    links: { directions: null, voucher: null, creditApp: null },
    campaignNotes: '',
    offerTimeoutSeconds: 60,
    contacts: storeContacts({ smsNotificationNumber: null, salesLeadEmails: [] }),
    crm: NO_CRM,
    dispositions: [...DEFAULT_DISPOSITIONS],
    quietHours: DEFAULT_QUIET_HOURS,
  };
}

function makeUser(
  tenantId: string,
  slug: string,
  name: string,
  role: Role,
  storeIds: string[],
): User {
  return {
    id: uuidv7(),
    tenantId,
    name,
    email: `${name.toLowerCase().replace(/\W+/g, '.')}@${slug}.test`,
    role,
    storeIds,
    photoUrl: null,
    phone: null,
    extension: '',
    preferences: { forwardLeadCalls: false, copyMeOnEmails: true, playSounds: true },
  };
}

const upserts = <T extends SyncTable>(table: T, rows: SyncRow<T>[]) =>
  rows.map((row) => ({ table, op: 'upsert', row }) as SyncChange);

export async function seedTenant(db: Db, name: string): Promise<SeededTenant> {
  const tenantId = uuidv7();
  const slug = `${name.toLowerCase().replace(/\W+/g, '-')}-${tenantId.slice(-8)}`;
  const stores: [Store, Store] = [
    makeStore(tenantId, `${name} North`),
    makeStore(tenantId, `${name} South`),
  ];
  const [north, south] = stores;
  const campaign: Campaign = { id: uuidv7(), storeId: north.id, name: 'Internet' };
  const label: Label = { id: uuidv7(), tenantId, name: 'VIP', color: '#ff0000' };
  const users = {
    admin: makeUser(tenantId, slug, `${name} Admin`, 'admin', [north.id, south.id]),
    manager: makeUser(tenantId, slug, `${name} Manager`, 'manager', [north.id, south.id]),
    agent: makeUser(tenantId, slug, `${name} Agent`, 'agent', [north.id]),
    otherAgent: makeUser(tenantId, slug, `${name} Other Agent`, 'agent', [south.id]),
  };
  const leads = {
    open: makeLead(tenantId, north.id, { firstName: 'Olive', status: 'warm' }),
    dead: makeLead(tenantId, north.id, { firstName: 'Dexter', status: 'dead', optedOut: true }),
    awaiting: makeLead(tenantId, north.id, {
      firstName: 'Ava',
      awaitingSince: Date.now() - 60_000,
    }),
    otherStore: makeLead(tenantId, south.id, { firstName: 'Sam' }),
  };
  const appointment: Appointment = {
    id: uuidv7(),
    tenantId,
    leadId: leads.open.id,
    storeId: north.id,
    startsAt: Date.now() + 86_400_000,
    status: 'booked',
    createdByUserId: users.agent.id,
    createdAt: Date.now(),
    vehicle: null,
    note: null,
  };
  const hash = await (passwordHash ??= hashPassword(PASSWORD));
  await db.transaction(async (tx) => {
    await loadChanges(tx, tenantId, [
      ...upserts('tenants', [{ id: tenantId, name }]),
      ...upserts('stores', stores),
      ...upserts('campaigns', [campaign]),
      ...upserts('labels', [label]),
      ...upserts('users', Object.values(users)),
      ...upserts('leads', Object.values(leads)),
      ...upserts('appointments', [appointment]),
    ]);
    await tx.query('UPDATE users SET password_hash = $2 WHERE tenant_id = $1', [tenantId, hash]);
  });
  const seeded = (user: User): SeededUser => ({ user, email: user.email, password: PASSWORD });
  return {
    tenantId,
    stores,
    campaign,
    label,
    admin: seeded(users.admin),
    manager: seeded(users.manager),
    agent: seeded(users.agent),
    otherAgent: seeded(users.otherAgent),
    leads,
    appointment,
  };
}

/** Adds one lead to a seeded tenant, as a fixture (not through a mutation). */
export async function insertLead(
  db: Db,
  tenantId: string,
  storeId: string,
  changes: Partial<Lead> = {},
): Promise<Lead> {
  const lead = makeLead(tenantId, storeId, changes);
  await db.transaction(async (tx) => {
    await lockTenant(tx, tenantId);
    await loadChanges(tx, tenantId, [{ table: 'leads', op: 'upsert', row: lead }]);
  });
  return lead;
}
