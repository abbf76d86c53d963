import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Conversation, Message } from '../../../src-shared/domain/conversation';
import type { Lead } from '../../../src-shared/domain/lead';
import type { Db } from '../../../src-cloud/db/db';
import { openPostgres } from '../../../src-cloud/db/postgres';
import {
  startScheduledReleases,
  type ScheduledReleases,
} from '../../../src-cloud/scheduled/release-job';
import { startCloud, type RunningCloud } from '../../../src-cloud/server';
import { writeInTenant } from '../../../src-cloud/sync/tenant-write';
import { Api } from './harness/api';
import { postgresUnavailable } from './harness/postgres-server';
import { rowOf } from './harness/rows';
import { insertLead, seedTenant, type SeededTenant } from './harness/seed';
import { BACKENDS, startTestCloud, type TestCloud } from './harness/test-cloud';

const HOUR = 3_600_000;
const MINUTE = 60_000;
/**
 * The server's own timer stays out of the way: the tests run rounds on a fake clock. No text
 * sender either: a released text is queued, and these clouds have no Twilio, so a sender would
 * fail it a poll later, before a test has read what the release stored.
 */
const IDLE = { scheduledReleaseMs: 24 * HOUR, smsSender: false } as const;

/** The instant a clock `offsetHours` from UTC shows this wall time (known offsets, July 2026). */
const at = (date: string, time: string, offsetHours: number) =>
  Date.parse(`${date}T${time}:00Z`) - offsetHours * HOUR;

/** Customers in four zones, each with a text scheduled for 23:00 their time on 14 July. */
const CUSTOMERS = [
  { zone: 'New York', phone: '+12125550101', offset: -4 },
  { zone: 'Los Angeles', phone: '+14155550102', offset: -7 },
  { zone: 'Phoenix', phone: '+16025550103', offset: -7 },
  { zone: 'Honolulu', phone: '+18085550104', offset: -10 },
] as const;

/** A text an agent scheduled on the lead's sms conversation (a fixture, as sendMessage stores it). */
async function scheduleText(
  db: Db,
  lead: Lead,
  scheduledAt: number,
  body = 'Your Tahoe is ready for a test drive',
): Promise<Message> {
  const conversation: Conversation = {
    id: uuidv7(),
    tenantId: lead.tenantId,
    leadId: lead.id,
    channel: 'sms',
    createdAt: scheduledAt - HOUR,
  };
  const message: Message = {
    id: uuidv7(),
    tenantId: lead.tenantId,
    leadId: lead.id,
    conversationId: conversation.id,
    direction: 'out',
    authorUserId: null,
    body,
    media: [],
    status: 'scheduled',
    errorCode: null,
    providerId: null,
    scheduledAt,
    createdAt: scheduledAt - HOUR,
  };
  await writeInTenant(db, lead.tenantId, async (_tx, write) => {
    await write.insert('conversations', conversation);
    await write.insert('messages', message);
  });
  return message;
}

const statusOf = async (db: Db, id: string) => (await rowOf(db, 'messages', id))?.status;

for (const { backend, skip } of BACKENDS) {
  describe.skipIf(skip)(`scheduled texts released at the right time (${backend})`, () => {
    let cloud: TestCloud;
    let acme: SeededTenant;
    let releases: ScheduledReleases;
    let now = 0;

    beforeAll(async () => {
      cloud = await startTestCloud(backend, {}, IDLE);
      acme = await seedTenant(cloud.db, 'Acme');
      cloud.services.now = () => now;
      releases = startScheduledReleases(cloud.services, 24 * HOUR);
    });
    afterAll(async () => {
      await releases?.stop();
      await cloud?.stop();
    });

    test('texts scheduled for 23:00 customer time go out at 08:00 their time, none before', async () => {
      const store = acme.stores[0].id;
      const texts = [];
      for (const customer of CUSTOMERS) {
        const lead = await insertLead(cloud.db, acme.tenantId, store, {
          phones: [{ number: customer.phone, type: 'mobile' }],
        });
        const message = await scheduleText(
          cloud.db,
          lead,
          at('2026-07-14', '23:00', customer.offset),
        );
        texts.push({
          ...customer,
          lead,
          message,
          eightAm: at('2026-07-15', '08:00', customer.offset),
        });
      }
      // A text due at 10:00 their time goes out at 10:00: daytime texts do not wait.
      const daytimeLead = await insertLead(cloud.db, acme.tenantId, store, {
        phones: [{ number: '+13125550105', type: 'mobile' }],
      });
      const tenAmChicago = at('2026-07-15', '10:00', -5);
      const daytime = await scheduleText(cloud.db, daytimeLead, tenAmChicago);

      // The fake clock moves through the night every 15 minutes, from 20:00 New York time on
      // the 14th to 10:00 Honolulu time on the 15th; a round runs at each tick.
      const firstQueuedAt = new Map<string, number>();
      for (
        let tick = at('2026-07-14', '20:00', -4);
        tick <= at('2026-07-15', '10:00', -10);
        tick += 15 * MINUTE
      ) {
        now = tick;
        await releases.runOnce();
        for (const text of [...texts, { message: daytime, eightAm: tenAmChicago }]) {
          const status = await statusOf(cloud.db, text.message.id);
          if (status === 'queued' && !firstQueuedAt.has(text.message.id)) {
            firstQueuedAt.set(text.message.id, tick);
          }
          if (tick < text.eightAm) expect(status, new Date(tick).toISOString()).toBe('scheduled');
        }
      }
      for (const text of texts) {
        expect(firstQueuedAt.get(text.message.id), text.zone).toBe(text.eightAm);
        const row = await rowOf(cloud.db, 'messages', text.message.id);
        // While it waited, its time showed the agents when it would go out: 8:00 their time.
        expect(row).toMatchObject({ status: 'queued', scheduledAt: text.eightAm, errorCode: null });
        expect(await rowOf(cloud.db, 'leads', text.lead.id)).toMatchObject({
          lastMessageAt: text.eightAm,
          lastMessagePreview: 'Your Tahoe is ready for a test drive',
          lastChannel: 'sms',
        });
      }
      expect(firstQueuedAt.get(daytime.id)).toBe(tenAmChicago);
    });

    test("a Dead lead's scheduled text never becomes queued, nor one whose lead opts out before it is due", async () => {
      const store = acme.stores[0].id;
      const noon = at('2026-07-16', '12:00', -6);
      const deadText = await scheduleText(cloud.db, acme.leads.dead, noon + HOUR);
      const lead = await insertLead(cloud.db, acme.tenantId, store, { status: 'hot' });
      const laterDead = await scheduleText(cloud.db, lead, noon + 2 * HOUR);
      // The customer wrote STOP at noon: the lead went Dead after the text was scheduled.
      now = noon;
      await writeInTenant(cloud.db, acme.tenantId, (_tx, write) =>
        write.update('leads', { ...lead, status: 'dead', optedOut: true }),
      );
      for (let tick = noon; tick <= noon + 6 * HOUR; tick += 15 * MINUTE) {
        now = tick;
        await releases.runOnce();
        for (const id of [deadText.id, laterDead.id]) {
          expect(await statusOf(cloud.db, id)).not.toBe('queued');
        }
      }
      for (const id of [deadText.id, laterDead.id]) {
        expect(await rowOf(cloud.db, 'messages', id)).toMatchObject({
          status: 'failed',
          errorCode: 'opted_out',
        });
      }
      expect((await rowOf(cloud.db, 'leads', lead.id))?.lastMessageAt).toBeNull();
    });

    test('desktops pull the released text: the change goes through the sync writer', async () => {
      now = Date.now();
      const agent = await new Api(cloud.url).login(acme.agent.email, acme.agent.password);
      const { cursor } = await agent.pullAll();
      const lead = await insertLead(cloud.db, acme.tenantId, acme.stores[0].id, {
        phones: [{ number: '+12125550106', type: 'mobile' }],
      });
      now = at('2026-07-17', '11:00', -4);
      const text = await scheduleText(cloud.db, lead, now - MINUTE);
      const before = await agent.pullAll(cursor);
      await releases.runOnce();
      const after = await agent.pullAll(before.cursor);
      expect(after.changes).toContainEqual(
        expect.objectContaining({
          table: 'messages',
          row: expect.objectContaining({ id: text.id, status: 'queued' }),
        }),
      );
    });

    test("the cloud's own timer releases due texts", async () => {
      const running = await startCloud(cloud.config, {
        db: cloud.db,
        scheduledReleaseMs: 20,
        smsSender: false,
      });
      try {
        const lead = await insertLead(cloud.db, acme.tenantId, acme.stores[0].id, {
          phones: [{ number: '+12125550107', type: 'mobile' }],
        });
        const fixed = at('2026-07-18', '11:00', -4);
        running.services.now = () => fixed;
        const text = await scheduleText(cloud.db, lead, fixed - MINUTE);
        await waitFor(async () => (await statusOf(cloud.db, text.id)) === 'queued');
      } finally {
        await running.close();
      }
    });
  });
}

const pgSkip = postgresUnavailable();

describe.skipIf(pgSkip)('two cloud processes on one PostgreSQL release each text once', () => {
  let cloudA: TestCloud;
  let dbB: Db;
  let cloudB: RunningCloud;
  const tenants: SeededTenant[] = [];
  const PER_TENANT = 60;

  beforeAll(async () => {
    cloudA = await startTestCloud('postgres', {}, IDLE);
    dbB = await openPostgres(cloudA.databaseUrl as string);
    cloudB = await startCloud(cloudA.config, { db: dbB, ...IDLE });
    for (const name of ['North Group', 'South Group', 'West Group']) {
      tenants.push(await seedTenant(cloudA.db, name));
    }
  });
  afterAll(async () => {
    await cloudB?.close();
    await dbB?.close();
    await cloudA?.stop();
  });

  test(`${PER_TENANT * 3} due texts, both processes releasing at once: each queued exactly once`, async () => {
    const noonEastern = at('2026-07-20', '12:00', -4);
    const texts: Message[] = [];
    for (const tenant of tenants) {
      for (let i = 0; i < PER_TENANT; i++) {
        const lead = await insertLead(cloudA.db, tenant.tenantId, tenant.stores[0].id, {
          phones: [{ number: `+1212555${String(1000 + i)}`, type: 'mobile' }],
        });
        texts.push(await scheduleText(cloudA.db, lead, noonEastern - (i % 5) * MINUTE));
      }
    }
    const clocks = async () =>
      cloudA.db.query<{ id: string; clock: number }>(
        'SELECT id, clock FROM tenants WHERE id = ANY($1::text[]) ORDER BY id',
        [tenants.map((t) => t.tenantId)],
      );
    const before = await clocks();

    cloudA.services.now = () => noonEastern;
    cloudB.services.now = () => noonEastern;
    const onA = startScheduledReleases(cloudA.services, 24 * HOUR);
    const onB = startScheduledReleases(cloudB.services, 24 * HOUR);
    try {
      const rounds = await Promise.all([
        onA.runOnce(),
        onB.runOnce(),
        onB.runOnce(),
        onA.runOnce(),
      ]);
      expect(rounds.reduce((sum, round) => sum + round.queued, 0)).toBe(texts.length);
    } finally {
      await Promise.all([onA.stop(), onB.stop()]);
    }
    for (const text of texts) expect(await statusOf(cloudA.db, text.id)).toBe('queued');
    // Each release is two writes (the text, its lead): a second release would tick the clock again.
    const after = await clocks();
    expect(after.map((row, i) => row.clock - (before[i]?.clock ?? 0))).toEqual(
      tenants.map(() => 2 * PER_TENANT),
    );
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the release');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
