import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Api } from './harness/api';
import { rowOf, snapshot } from './harness/rows';
import { insertLead, seedTenant, type SeededTenant } from './harness/seed';
import { BACKENDS, startTestCloud, type TestCloud } from './harness/test-cloud';
import { addAgents } from './offers-fixture';

const HOUR = 3_600_000;

describe.each(BACKENDS)('scheduled messages on $backend', ({ backend, skip }) => {
  let cloud: TestCloud;
  let acme: SeededTenant;
  let bravo: SeededTenant;
  let agent: Api;
  /** Another agent of the same store: sees the message, did not write it. */
  let colleague: Api;
  let manager: Api;
  let bravoManager: Api;

  /** A text `agent` schedules for a fresh lead of store 0, an hour from now. */
  const schedule = async (by: Api = agent) => {
    const lead = await insertLead(cloud.db, acme.tenantId, acme.stores[0].id);
    const messageId = uuidv7();
    const scheduledAt = Date.now() + HOUR;
    const { result } = await by.mutate('sendMessage', {
      leadId: lead.id,
      messageId,
      channel: 'sms',
      body: 'See you Saturday at 10!',
      media: [],
      scheduledAt,
    });
    expect(result?.status).toBe('ok');
    return { messageId, scheduledAt };
  };
  const message = (id: string) => rowOf(cloud.db, 'messages', id);
  const rejection = async (api: Api, name: string, args: unknown) =>
    (await api.mutate(name, args)).result;

  beforeAll(async () => {
    if (skip) return;
    // No sender or release job: these tests read what the mutations store, and a worker failing
    // or releasing a text mid-test (no Twilio account here) would move the tenant's rows.
    cloud = await startTestCloud(
      backend,
      {},
      { smsSender: false, scheduledReleaseMs: 3_600_000, emailSendMs: 3_600_000 },
    );
    acme = await seedTenant(cloud.db, 'Acme');
    bravo = await seedTenant(cloud.db, 'Bravo');
    const [other] = await addAgents(cloud.db, acme.tenantId, [acme.stores[0].id], ['Cole Lee']);
    agent = await new Api(cloud.url).login(acme.agent.email, acme.agent.password);
    colleague = await new Api(cloud.url).login(other?.email ?? '', other?.password ?? '');
    manager = await new Api(cloud.url).login(acme.manager.email, acme.manager.password);
    bravoManager = await new Api(cloud.url).login(bravo.manager.email, bravo.manager.password);
  });
  afterAll(async () => cloud?.stop());

  test.skipIf(skip)('its author moves it to a new time, in the future only', async () => {
    const { messageId, scheduledAt } = await schedule();
    expect(await message(messageId)).toMatchObject({ status: 'scheduled', scheduledAt });

    const later = scheduledAt + 2 * HOUR;
    expect(
      (await agent.mutate('rescheduleMessage', { messageId, scheduledAt: later })).result,
    ).toMatchObject({ status: 'ok' });
    expect(await message(messageId)).toMatchObject({ status: 'scheduled', scheduledAt: later });

    const past = Date.now() - 60_000;
    expect(
      await rejection(agent, 'rescheduleMessage', { messageId, scheduledAt: past }),
    ).toMatchObject({ status: 'rejected', code: 'invalid_time' });
    expect((await message(messageId))?.scheduledAt).toBe(later);
  });

  test.skipIf(skip)('its author cancels it: the message is gone from the thread', async () => {
    const { messageId } = await schedule();
    expect((await agent.mutate('cancelScheduledMessage', { messageId })).result?.status).toBe('ok');
    expect(await message(messageId)).toBeNull();
    const [tombstone] = await cloud.db.query<{ deleted: boolean }>(
      'SELECT deleted FROM messages WHERE id = $1',
      [messageId],
    );
    expect(tombstone?.deleted).toBe(true);
    // Twice: there is nothing left to cancel.
    expect(await rejection(agent, 'cancelScheduledMessage', { messageId })).toMatchObject({
      status: 'rejected',
      code: 'not_found',
    });
  });

  test.skipIf(skip)('another agent may not change it; a manager may', async () => {
    const { messageId, scheduledAt } = await schedule();
    const before = await snapshot(cloud.db, acme.tenantId);
    for (const [name, args] of [
      ['rescheduleMessage', { messageId, scheduledAt: scheduledAt + HOUR }],
      ['cancelScheduledMessage', { messageId }],
    ] as const) {
      expect(await rejection(colleague, name, args)).toMatchObject({
        status: 'rejected',
        code: 'forbidden',
      });
    }
    expect(await snapshot(cloud.db, acme.tenantId)).toEqual(before);
    expect(await message(messageId)).toMatchObject({ status: 'scheduled', scheduledAt });

    expect(
      (await manager.mutate('rescheduleMessage', { messageId, scheduledAt: scheduledAt + HOUR }))
        .result?.status,
    ).toBe('ok');
    expect((await message(messageId))?.scheduledAt).toBe(scheduledAt + HOUR);
    expect((await manager.mutate('cancelScheduledMessage', { messageId })).result?.status).toBe(
      'ok',
    );
    expect(await message(messageId)).toBeNull();
  });

  test.skipIf(skip)('once it has gone out, it can be neither moved nor cancelled', async () => {
    const { messageId, scheduledAt } = await schedule();
    // What the job that releases due messages does when its time comes.
    await cloud.db.query(
      `UPDATE messages SET row = jsonb_set(row, '{status}', '"queued"') WHERE id = $1`,
      [messageId],
    );
    for (const [name, args] of [
      ['rescheduleMessage', { messageId, scheduledAt: scheduledAt + HOUR }],
      ['cancelScheduledMessage', { messageId }],
    ] as const) {
      const result = await rejection(agent, name, args);
      expect(result).toMatchObject({ status: 'rejected', code: 'invalid_state' });
      expect(JSON.stringify(result)).toContain('no longer scheduled');
    }
    expect(await message(messageId)).toMatchObject({ status: 'queued', scheduledAt });
  });

  test.skipIf(skip)('another dealer group cannot see it, even as a manager', async () => {
    const { messageId, scheduledAt } = await schedule();
    const before = await snapshot(cloud.db, acme.tenantId);
    for (const [name, args] of [
      ['rescheduleMessage', { messageId, scheduledAt: scheduledAt + HOUR }],
      ['cancelScheduledMessage', { messageId }],
    ] as const) {
      expect(await rejection(bravoManager, name, args)).toMatchObject({
        status: 'rejected',
        code: 'not_found',
      });
    }
    expect(await snapshot(cloud.db, acme.tenantId)).toEqual(before);
  });

  test.skipIf(skip)('malformed arguments are refused before any rule runs', async () => {
    const { messageId } = await schedule();
    const answer = await agent.mutate('rescheduleMessage', { messageId, scheduledAt: 'tomorrow' });
    expect(answer.status === 400 || answer.result?.status === 'rejected').toBe(true);
    expect(JSON.stringify(answer.body)).toContain('scheduledAt');
    expect(await message(messageId)).toMatchObject({ status: 'scheduled' });
  });
});
