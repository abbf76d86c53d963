import { beforeEach, describe, expect, it } from 'vitest';
import {
  blankLead,
  type Channel,
  type Conversation,
  type Lead,
  type Message,
  type SyncChange,
  type User,
} from '../../../src-shared';
import type { ToastNotice } from '../../../src-main/core/ports';
import {
  MAX_NOTICES_PER_PULL,
  MessageNotices,
  RECENT_MS,
} from '../../../src-main/core/message-notices/message-notices';

const NOW = Date.UTC(2026, 10, 22, 15, 0);
const TENANT = 'tenant-1';
const ME: User = {
  id: 'user-me',
  tenantId: TENANT,
  name: 'Ana Ruiz',
  email: 'ana@example.com',
  role: 'agent',
  storeIds: ['store-1'],
  photoUrl: null,
  phone: null,
  extension: '',
  preferences: { forwardLeadCalls: false, copyMeOnEmails: true, playSounds: true },
};

/** The replica as the notices read it, after a pull landed. */
let leads: Map<string, Lead>;
let conversations: Map<string, Conversation>;
let toasts: ToastNotice[];
let watching: string | null;
let playSounds: boolean;
let me: User | null;
let opened: (string | null)[];
let notices: MessageNotices;

beforeEach(() => {
  leads = new Map();
  conversations = new Map();
  toasts = [];
  watching = null;
  playSounds = true;
  me = ME;
  opened = [];
  notices = new MessageNotices({
    notifier: { toast: (notice) => toasts.push(notice) },
    row: ((table: 'leads' | 'conversations', id: string) =>
      (table === 'leads' ? leads.get(id) : conversations.get(id)) ?? null) as never,
    me: () => me,
    watching: () => watching,
    playSounds: () => playSounds,
    openConsole: (leadId) => opened.push(leadId),
    now: () => NOW,
  });
});

function aLead(
  id: string,
  owners: { assignedUserId?: string | null; collaboratorIds?: string[] },
  channel: Channel = 'sms',
): Lead {
  const lead: Lead = {
    ...blankLead({ id, tenantId: TENANT, storeId: 'store-1', source: 'Text' }, NOW - 86_400_000),
    firstName: 'Dana',
    lastName: 'Whitfield',
    assignedUserId: owners.assignedUserId ?? null,
    collaboratorIds: owners.collaboratorIds ?? [],
  };
  leads.set(id, lead);
  conversations.set(`conv-${id}`, {
    id: `conv-${id}`,
    tenantId: TENANT,
    leadId: id,
    channel,
    createdAt: NOW - 86_400_000,
  });
  return lead;
}

let nextId = 0;
function aMessage(lead: Lead, patch: Partial<Message> = {}): Message {
  nextId += 1;
  return {
    id: `msg-${nextId}`,
    tenantId: TENANT,
    leadId: lead.id,
    conversationId: `conv-${lead.id}`,
    direction: 'in',
    authorUserId: null,
    body: 'Is the blue Tacoma still on the lot?',
    media: [],
    status: 'received',
    errorCode: null,
    providerId: null,
    scheduledAt: null,
    createdAt: NOW - 2_000,
    ...patch,
  };
}

const upserts = (...messages: Message[]): SyncChange[] =>
  messages.map((row) => ({ table: 'messages', op: 'upsert', row }));
const pulled = (changes: SyncChange[], firstSync = false) => notices.pulled(changes, { firstSync });

describe('a customer writes on a lead of mine', () => {
  it('a text on a lead assigned to me notifies me with their name and the preview', () => {
    const lead = aLead('lead-1', { assignedUserId: ME.id });
    pulled(upserts(aMessage(lead)));
    expect(toasts).toEqual([
      expect.objectContaining({
        title: 'New text from Dana Whitfield',
        body: 'Is the blue Tacoma still on the lot?',
        sound: true,
      }),
    ]);
  });

  it('an email on a lead I collaborate on notifies me as an email', () => {
    const lead = aLead(
      'lead-2',
      { assignedUserId: 'user-other', collaboratorIds: [ME.id] },
      'email',
    );
    pulled(upserts(aMessage(lead, { body: 'Can we do\n\n Saturday   at 10?' })));
    expect(toasts.map(({ title, body }) => ({ title, body }))).toEqual([
      { title: 'New email from Dana Whitfield', body: 'Can we do Saturday at 10?' },
    ]);
  });

  it('clicking the notification opens the console on that lead', () => {
    const lead = aLead('lead-3', { assignedUserId: ME.id });
    pulled(upserts(aMessage(lead)));
    toasts[0]?.onClick?.();
    expect(opened).toEqual(['lead-3']);
  });

  it('with Play sounds off the notification still shows, silently', () => {
    playSounds = false;
    const lead = aLead('lead-4', { assignedUserId: ME.id });
    pulled(upserts(aMessage(lead)));
    expect(toasts).toHaveLength(1);
    expect(toasts[0]?.sound).toBe(false);
  });

  it('a picture with no words says how many attachments came', () => {
    const lead = aLead('lead-5', { assignedUserId: ME.id });
    const photo = { url: 'https://example.com/a.jpg', contentType: 'image/jpeg', name: 'a.jpg' };
    pulled(upserts(aMessage(lead, { body: '', media: [photo] })));
    expect(toasts[0]?.body).toBe('[1 attachment]');
  });
});

describe('what is nobody’s news here', () => {
  it("someone else's lead, or nobody's, stays quiet", () => {
    const theirs = aLead('lead-a', { assignedUserId: 'user-other', collaboratorIds: ['user-x'] });
    const nobodys = aLead('lead-b', {});
    pulled(upserts(aMessage(theirs), aMessage(nobodys)));
    expect(toasts).toEqual([]);
  });

  it('our own outbound messages stay quiet', () => {
    const lead = aLead('lead-c', { assignedUserId: ME.id });
    pulled(upserts(aMessage(lead, { direction: 'out', authorUserId: ME.id, status: 'sent' })));
    expect(toasts).toEqual([]);
  });

  it('an auto-reply or a bounce the relay recorded stays quiet', () => {
    const lead = aLead('lead-d', { assignedUserId: ME.id }, 'email');
    pulled(
      upserts(
        aMessage(lead, { errorCode: 'auto_reply', body: 'Automatic reply: out of office' }),
        aMessage(lead, { errorCode: 'bounce', body: 'Undeliverable email' }),
      ),
    );
    expect(toasts).toEqual([]);
  });

  it('the first sync after signing in brings history, not news', () => {
    const lead = aLead('lead-e', { assignedUserId: ME.id });
    const message = aMessage(lead);
    pulled(upserts(message), true);
    expect(toasts).toEqual([]);
    // The same row again later (a status or media update) is still not news.
    pulled(upserts(message));
    expect(toasts).toEqual([]);
  });

  it('a message older than a few minutes when it reaches us is history', () => {
    const lead = aLead('lead-f', { assignedUserId: ME.id });
    pulled(upserts(aMessage(lead, { createdAt: NOW - RECENT_MS - 1 })));
    expect(toasts).toEqual([]);
    pulled(upserts(aMessage(lead, { createdAt: NOW - RECENT_MS + 1_000 })));
    expect(toasts).toHaveLength(1);
  });

  it('the same message pulled twice notifies once', () => {
    const lead = aLead('lead-g', { assignedUserId: ME.id });
    const message = aMessage(lead);
    pulled(upserts(message));
    pulled(upserts({ ...message, media: [] }));
    pulled([...upserts(message), { table: 'messages', op: 'delete', id: message.id }]);
    expect(toasts).toHaveLength(1);
  });

  it('the lead I am reading right now stays quiet; another lead of mine does not', () => {
    const reading = aLead('lead-h', { assignedUserId: ME.id });
    const other = aLead('lead-i', { assignedUserId: ME.id });
    watching = reading.id;
    pulled(upserts(aMessage(reading), aMessage(other)));
    expect(toasts.map((toast) => toast.title)).toEqual(['New text from Dana Whitfield']);
    toasts[0]?.onClick?.();
    expect(opened).toEqual(['lead-i']);
  });

  it('nobody signed in: nothing', () => {
    me = null;
    const lead = aLead('lead-j', { assignedUserId: ME.id });
    pulled(upserts(aMessage(lead)));
    expect(toasts).toEqual([]);
  });
});

describe('a burst of messages', () => {
  it('more than a few from one pull become one summary', () => {
    const first = aLead('lead-k', { assignedUserId: ME.id });
    const second = aLead('lead-l', { collaboratorIds: [ME.id] });
    const messages = Array.from({ length: MAX_NOTICES_PER_PULL + 1 }, (_, i) =>
      aMessage(i % 2 ? first : second),
    );
    pulled(upserts(...messages));
    expect(toasts.map(({ title, body }) => ({ title, body }))).toEqual([
      { title: `${MAX_NOTICES_PER_PULL + 1} new messages`, body: 'From 2 of your leads.' },
    ]);
    toasts[0]?.onClick?.();
    expect(opened).toEqual([null]);
  });

  it('a burst from one lead names them and opens their thread', () => {
    const lead = aLead('lead-m', { assignedUserId: ME.id });
    const messages = Array.from({ length: MAX_NOTICES_PER_PULL + 2 }, () => aMessage(lead));
    pulled(upserts(...messages));
    expect(toasts.map((toast) => toast.body)).toEqual(['From Dana Whitfield.']);
    toasts[0]?.onClick?.();
    expect(opened).toEqual(['lead-m']);
  });

  it('up to the limit, each message is its own notification', () => {
    const lead = aLead('lead-n', { assignedUserId: ME.id });
    const messages = Array.from({ length: MAX_NOTICES_PER_PULL }, () => aMessage(lead));
    pulled(upserts(...messages));
    expect(toasts).toHaveLength(MAX_NOTICES_PER_PULL);
  });
});
