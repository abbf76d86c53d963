import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Lead } from '../../../src-shared/domain/lead';
import { Api } from './harness/api';
import { rowOf, timelineOf } from './harness/rows';
import { insertLead, seedTenant, type SeededTenant } from './harness/seed';
import { BACKENDS, startTestCloud, type TestCloud } from './harness/test-cloud';

describe.each(BACKENDS)('thread mutations on $backend', ({ backend, skip }) => {
  let cloud: TestCloud;
  let acme: SeededTenant;
  let agent: Api;
  let manager: Api;

  /** A fresh lead in store 0 for one test, so tests do not depend on each other's leftovers. */
  const newLead = (changes: Partial<Lead> = {}) =>
    insertLead(cloud.db, acme.tenantId, acme.stores[0].id, changes);

  beforeAll(async () => {
    if (skip) return;
    // What the mutations store, before a text sender acts on it (twilio-sms-out.test.ts).
    cloud = await startTestCloud(backend, {}, { smsSender: false });
    acme = await seedTenant(cloud.db, 'Acme');
    agent = await new Api(cloud.url).login(acme.agent.email, acme.agent.password);
    manager = await new Api(cloud.url).login(acme.manager.email, acme.manager.password);
  });
  afterAll(async () => cloud?.stop());

  test.skipIf(skip)('a note becomes the lead notes excerpt; its id cannot be reused', async () => {
    const lead = await newLead();
    const noteId = uuidv7();
    expect(
      (await agent.mutate('addNote', { leadId: lead.id, noteId, text: 'Wants a red one' })).result
        ?.status,
    ).toBe('ok');
    expect((await rowOf(cloud.db, 'leads', lead.id))?.notesExcerpt).toBe('Wants a red one');
    const reused = await agent.mutate('addNote', { leadId: lead.id, noteId, text: 'Another' });
    expect(reused.result).toMatchObject({ status: 'rejected', code: 'conflict' });
    expect((await rowOf(cloud.db, 'timeline_events', noteId))?.text).toBe('Wants a red one');
  });

  test.skipIf(skip)(
    'an appointment is set, rescheduled, and marked showed, each in the timeline',
    async () => {
      const lead = await newLead();
      const appointmentId = uuidv7();
      const at = Date.UTC(2030, 0, 14, 22, 0); // Monday 3:00 PM in Denver, while the store is open
      expect(
        (await agent.mutate('setAppointment', { leadId: lead.id, appointmentId, startsAt: at }))
          .result?.status,
      ).toBe('ok');
      expect(await rowOf(cloud.db, 'appointments', appointmentId)).toMatchObject({
        status: 'booked',
        storeId: acme.stores[0].id,
        startsAt: at,
      });
      expect(
        (await agent.mutate('rescheduleAppointment', { appointmentId, startsAt: at + 3_600_000 }))
          .result?.status,
      ).toBe('ok');
      expect(
        (await agent.mutate('setAppointmentStatus', { appointmentId, status: 'showed' })).result
          ?.status,
      ).toBe('ok');
      const texts = (await timelineOf(cloud.db, lead.id)).map((e) => e.text);
      expect(texts).toEqual([
        'Appointment set for Mon, Jan 14, 3:00 PM MST',
        'Appointment moved to Mon, Jan 14, 4:00 PM MST',
        'Appointment showed',
      ]);
      const late = await agent.mutate('rescheduleAppointment', { appointmentId, startsAt: at });
      expect(late.result).toMatchObject({ status: 'rejected', code: 'invalid_state' });
    },
  );

  test.skipIf(skip)(
    'a sent message is queued and answers the lead; a scheduled one waits',
    async () => {
      const lead = await newLead({ awaitingSince: Date.now() - 5000 });
      const first = uuidv7();
      const send = await agent.mutate('sendMessage', {
        leadId: lead.id,
        messageId: first,
        channel: 'sms',
        body: 'Hi Pat!\nStill looking?',
        media: [],
        scheduledAt: null,
      });
      expect(send.result?.status).toBe('ok');
      const message = await rowOf(cloud.db, 'messages', first);
      expect(message).toMatchObject({
        status: 'queued',
        direction: 'out',
        authorUserId: acme.agent.user.id,
      });
      expect(await rowOf(cloud.db, 'leads', lead.id)).toMatchObject({
        awaitingSince: null,
        lastMessagePreview: 'Hi Pat! Still looking?',
        lastChannel: 'sms',
      });

      const later = uuidv7();
      const scheduledAt = Date.now() + 3_600_000;
      await agent.mutate('sendMessage', {
        leadId: lead.id,
        messageId: later,
        channel: 'sms',
        body: 'Reminder',
        media: [],
        scheduledAt,
      });
      expect(await rowOf(cloud.db, 'messages', later)).toMatchObject({
        status: 'scheduled',
        scheduledAt,
        conversationId: message?.conversationId,
      });
      expect((await rowOf(cloud.db, 'leads', lead.id))?.lastMessagePreview).toBe(
        'Hi Pat! Still looking?',
      );

      const chat = await agent.mutate('sendMessage', {
        leadId: lead.id,
        messageId: uuidv7(),
        channel: 'chat',
        body: 'Hello',
        media: [],
        scheduledAt: null,
      });
      expect(chat.result).toMatchObject({ status: 'rejected', code: 'no_conversation' });
    },
  );

  test.skipIf(skip)('mark responded, done and undone', async () => {
    const lead = await newLead({ awaitingSince: Date.now() - 5000 });
    await agent.mutate('markResponded', { leadId: lead.id });
    expect((await rowOf(cloud.db, 'leads', lead.id))?.awaitingSince).toBeNull();
    await agent.mutate('markDone', { leadId: lead.id, done: true });
    expect((await rowOf(cloud.db, 'leads', lead.id))?.doneAt).toEqual(expect.any(Number));
    await agent.mutate('markDone', { leadId: lead.id, done: false });
    expect((await rowOf(cloud.db, 'leads', lead.id))?.doneAt).toBeNull();
  });

  test.skipIf(skip)(
    'saved filters belong to their user: saved again in place, pulled by nobody else',
    async () => {
      const filters = {
        storeIds: [acme.stores[0].id],
        campaignIds: [],
        labelIds: [acme.label.id],
        assigneeIds: ['unassigned'],
        sources: ['Text'],
      };
      expect((await agent.mutate('saveFilters', { filters })).result?.status).toBe('ok');
      expect(
        (await agent.mutate('saveFilters', { filters: { ...filters, sources: [] } })).result
          ?.status,
      ).toBe('ok');
      const mine = (await agent.pullAll()).changes.filter((c) => c.table === 'settings');
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({
        op: 'upsert',
        row: { scope: 'user', scopeId: acme.agent.user.id, value: { sources: [] } },
      });
      const theirs = (await manager.pullAll()).changes.filter((c) => c.table === 'settings');
      expect(theirs).toEqual([]);

      const otherStore = await agent.mutate('saveFilters', {
        filters: { ...filters, storeIds: [acme.stores[1].id] },
      });
      expect(otherStore.result).toMatchObject({ status: 'rejected', code: 'not_found' });
    },
  );

  test.skipIf(skip)(
    'a retried mutation is answered again and applied once, a rejection too',
    async () => {
      const lead = await newLead();
      const id = uuidv7();
      const args = { leadId: lead.id, noteId: uuidv7(), text: 'Once' };
      const first = await agent.mutate('addNote', args, id);
      const again = await agent.mutate('addNote', args, id);
      expect(again.result).toEqual(first.result);
      expect((await timelineOf(cloud.db, lead.id)).filter((e) => e.text === 'Once')).toHaveLength(
        1,
      );

      const rejectedId = uuidv7();
      const dead = await newLead({ status: 'dead', optedOut: true });
      const sendArgs = {
        leadId: dead.id,
        messageId: uuidv7(),
        channel: 'sms',
        body: 'x',
        media: [],
        scheduledAt: null,
      };
      const refused = await agent.mutate('sendMessage', sendArgs, rejectedId);
      await manager.mutate('optIn', { leadId: dead.id, reason: 'wrote again' });
      // The same mutation retried after the opt-in still gets its first answer: retries never re-decide.
      expect((await agent.mutate('sendMessage', sendArgs, rejectedId)).result).toEqual(
        refused.result,
      );
    },
  );

  test.skipIf(skip)('a batch applies in order; one rejection does not stop the rest', async () => {
    const lead = await newLead();
    const answer = await agent.post('/v1/mutations', {
      clientId: agent.clientId,
      mutations: [
        { id: uuidv7(), name: 'setLeadStatus', args: { leadId: lead.id, status: 'hot' } },
        { id: uuidv7(), name: 'optIn', args: { leadId: lead.id, reason: 'no' } },
        { id: uuidv7(), name: 'setLeadStatus', args: { leadId: lead.id, status: 'sold' } },
      ],
    });
    expect(answer.status).toBe(200);
    expect(answer.body.results.map((r: { status: string }) => r.status)).toEqual([
      'ok',
      'rejected',
      'ok',
    ]);
    expect((await rowOf(cloud.db, 'leads', lead.id))?.status).toBe('sold');
    expect(answer.body.version).toBeGreaterThan(0);
  });
});
