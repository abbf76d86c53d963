import { describe, expect, it } from 'vitest';
import type { Conversation, SyncChange, User } from '../../../src-shared';
import { EFFECTS, LocalRefusal, type Rows } from '../../../src-main/sync/effects';
import { lead, noRows, NOW } from './fixture';

const me: User = {
  id: 'user-2',
  tenantId: 'tenant-1',
  name: 'Agent Two',
  email: 'agent2@demo.test',
  role: 'agent',
  storeIds: ['store-a'],
  photoUrl: null,
  phone: null,
  extension: '',
  preferences: { forwardLeadCalls: false, copyMeOnEmails: true, playSounds: true },
};
const context = { me, now: NOW, mutationId: 'm-1' };

/** Rows held in memory: the effects are pure functions of these and the arguments. */
function rows(
  leads = [lead('lead-1', { status: 'warm' })],
  conversations: Conversation[] = [],
): Rows {
  return {
    ...noRows(),
    lead: (id) => leads.find((row) => row.id === id) ?? null,
    user: (id) => (id === me.id ? me : null),
    conversations: (leadId) => conversations.filter((c) => c.leadId === leadId),
  };
}

const rowsOf = (changes: SyncChange[], table: string) =>
  changes.filter((c) => c.table === table).map((c) => (c.op === 'upsert' ? c.row : c.id));

describe('a status change', () => {
  it('moves the lead and writes the change in its thread', () => {
    const changes = EFFECTS.setLeadStatus(rows(), { leadId: 'lead-1', status: 'hot' }, context);
    expect(rowsOf(changes, 'leads')).toEqual([
      expect.objectContaining({ status: 'hot', updatedAt: NOW }),
    ]);
    expect(rowsOf(changes, 'timeline_events')).toEqual([
      expect.objectContaining({
        kind: 'status_change',
        text: 'Status: Warm -> Hot',
        data: { from: 'warm', to: 'hot' },
        actorUserId: me.id,
        createdAt: NOW,
      }),
    ]);
  });

  it('out of Dead is also an opt-in; to the same status is nothing', () => {
    const dead = rows([lead('lead-1', { status: 'dead', optedOut: true })]);
    const changes = EFFECTS.setLeadStatus(dead, { leadId: 'lead-1', status: 'hot' }, context);
    expect(rowsOf(changes, 'leads')).toEqual([
      expect.objectContaining({ status: 'hot', optedOut: false }),
    ]);
    expect(rowsOf(changes, 'timeline_events')).toContainEqual(
      expect.objectContaining({ kind: 'opt_in' }),
    );
    expect(EFFECTS.setLeadStatus(rows(), { leadId: 'lead-1', status: 'warm' }, context)).toEqual(
      [],
    );
  });
});

describe('sending a message', () => {
  const args = {
    leadId: 'lead-1',
    messageId: 'msg-1',
    channel: 'sms' as const,
    body: '  See you\nat 5 ',
    media: [],
    scheduledAt: null,
  };

  it('queues it, starts the conversation, and makes it the queue row’s last message', () => {
    const changes = EFFECTS.sendMessage(rows(), args, context);
    expect(rowsOf(changes, 'conversations')).toEqual([
      expect.objectContaining({ id: 'm-1.conversation', channel: 'sms', leadId: 'lead-1' }),
    ]);
    expect(rowsOf(changes, 'messages')).toEqual([
      expect.objectContaining({
        id: 'msg-1',
        status: 'queued',
        direction: 'out',
        conversationId: 'm-1.conversation',
      }),
    ]);
    expect(rowsOf(changes, 'leads')).toEqual([
      expect.objectContaining({
        awaitingSince: null,
        lastMessageAt: NOW,
        lastMessagePreview: 'See you at 5',
        lastChannel: 'sms',
      }),
    ]);
  });

  it('uses the conversation already there, and a future time schedules it without touching the lead', () => {
    const sms: Conversation = {
      id: 'conv-1',
      tenantId: 'tenant-1',
      leadId: 'lead-1',
      channel: 'sms',
      createdAt: 1,
    };
    const changes = EFFECTS.sendMessage(
      rows(undefined, [sms]),
      { ...args, scheduledAt: NOW + 60_000 },
      context,
    );
    expect(changes).toEqual([
      {
        table: 'messages',
        op: 'upsert',
        row: expect.objectContaining({
          conversationId: 'conv-1',
          status: 'scheduled',
          scheduledAt: NOW + 60_000,
        }),
      },
    ]);
  });

  it('is refused at once for a Dead lead, or a channel the agent cannot start', () => {
    const dead = rows([lead('lead-1', { status: 'dead', optedOut: true })]);
    expect(() => EFFECTS.sendMessage(dead, args, context)).toThrow(LocalRefusal);
    expect(() => EFFECTS.sendMessage(rows(), { ...args, channel: 'chat' }, context)).toThrow(
      /Only the customer/,
    );
    expect(() => EFFECTS.sendMessage(rows(), { ...args, leadId: 'nobody' }, context)).toThrow(
      /not on this PC/,
    );
  });
});

describe('the other changes', () => {
  it('a note is an event with the client’s id, and the queue’s excerpt', () => {
    const changes = EFFECTS.addNote(
      rows(),
      { leadId: 'lead-1', noteId: 'note-1', text: 'Call at 5' },
      context,
    );
    expect(rowsOf(changes, 'timeline_events')).toEqual([
      expect.objectContaining({ id: 'note-1', kind: 'note', text: 'Call at 5' }),
    ]);
    expect(rowsOf(changes, 'leads')).toEqual([
      expect.objectContaining({ notesExcerpt: 'Call at 5' }),
    ]);
  });

  it('an appointment is booked at the lead’s store, with its event', () => {
    const changes = EFFECTS.setAppointment(
      rows(),
      { leadId: 'lead-1', appointmentId: 'apt-1', startsAt: NOW + 86_400_000 },
      context,
    );
    expect(rowsOf(changes, 'appointments')).toEqual([
      expect.objectContaining({
        id: 'apt-1',
        status: 'booked',
        storeId: 'store-a',
        createdByUserId: me.id,
      }),
    ]);
    expect(rowsOf(changes, 'timeline_events')).toEqual([
      expect.objectContaining({
        kind: 'appointment',
        text: expect.stringMatching(/^Appointment set for /),
      }),
    ]);
  });

  it('done, responded, opt-out and assignment change the lead as the cloud would', () => {
    expect(
      rowsOf(EFFECTS.markDone(rows(), { leadId: 'lead-1', done: true }, context), 'leads'),
    ).toEqual([expect.objectContaining({ doneAt: NOW })]);
    expect(rowsOf(EFFECTS.markResponded(rows(), { leadId: 'lead-1' }, context), 'leads')).toEqual([
      expect.objectContaining({ awaitingSince: null }),
    ]);
    const optOut = EFFECTS.optOut(rows(), { leadId: 'lead-1', reason: 'STOP' }, context);
    expect(rowsOf(optOut, 'leads')).toEqual([
      expect.objectContaining({ status: 'dead', optedOut: true }),
    ]);
    expect(rowsOf(optOut, 'timeline_events')).toEqual([
      expect.objectContaining({ text: 'Opted out by Agent Two: STOP' }),
    ]);
    const take = EFFECTS.updateLead(
      rows(),
      { leadId: 'lead-1', patch: { assignedUserId: me.id } },
      context,
    );
    expect(rowsOf(take, 'timeline_events')).toEqual([
      expect.objectContaining({ kind: 'assignment', text: 'Assigned to Agent Two' }),
    ]);
  });
});

describe('assigning a funnel', () => {
  const funnel = {
    id: 'funnel-1',
    tenantId: 'tenant-1',
    storeId: null,
    name: 'Follow-up',
    steps: [
      { delayMinutes: 0, body: 'one' },
      { delayMinutes: 90, body: 'two' },
    ],
  };
  const withFunnel = (leads = [lead('lead-1', { status: 'warm' })]): Rows => ({
    ...rows(leads),
    funnel: (id) => (id === funnel.id ? funnel : null),
  });
  const args = {
    leadId: 'lead-1',
    funnelId: funnel.id,
    steps: [
      { messageId: 'm-a', body: 'Hi Dana' },
      { messageId: 'm-b', body: 'Still looking?' },
    ],
  };

  it('shows every step in the thread at once, scheduled at its delay', () => {
    const changes = EFFECTS.assignFunnel(withFunnel(), args, context);
    const messages = changes.flatMap((c) =>
      c.table === 'messages' && c.op === 'upsert' ? [c.row] : [],
    );
    expect(messages.map((m) => [m.id, m.body, m.status, m.scheduledAt, m.funnelId])).toEqual([
      ['m-a', 'Hi Dana', 'scheduled', NOW, 'funnel-1'],
      ['m-b', 'Still looking?', 'scheduled', NOW + 90 * 60_000, 'funnel-1'],
    ]);
    expect(rowsOf(changes, 'timeline_events')).toHaveLength(1);
  });

  it('refuses a Dead lead, a funnel not on this PC, or the wrong number of steps', () => {
    const dead = withFunnel([lead('lead-1', { status: 'dead', optedOut: true })]);
    expect(() => EFFECTS.assignFunnel(dead, args, context)).toThrow(LocalRefusal);
    expect(() =>
      EFFECTS.assignFunnel(withFunnel(), { ...args, funnelId: 'other' }, context),
    ).toThrow(/not on this PC/);
    expect(() =>
      EFFECTS.assignFunnel(withFunnel(), { ...args, steps: args.steps.slice(1) }, context),
    ).toThrow(/has 2 steps, not 1/);
  });
});
