import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { migrate } from '../../../src-cloud/db/migrate';
import { openPostgres } from '../../../src-cloud/db/postgres';
import { claimQueuedTexts } from '../../../src-cloud/twilio/sms-claims';
import { lockTenant } from '../../../src-cloud/sync/tenant-write';
import { syncWriter } from '../../../src-cloud/sync/writer';
import type { Db } from '../../../src-cloud/db/db';
import { secretBox } from '../../../src-cloud/secrets/secret-box';
import { saveTwilioAccount } from '../../../src-cloud/twilio/account';
import { TwilioStandIn } from '../../support/twilio/stand-in';
import { Api } from './harness/api';
import { startCloudProcess, type CloudProcess } from './harness/cloud-process';
import { postgresUnavailable, startPostgres, type PostgresServer } from './harness/postgres-server';
import { seedTenant, type SeededTenant } from './harness/seed';
import { TEST_SECRET_KEY } from './harness/test-cloud';
import { sendText, STORE_TEXTING_NUMBER } from './harness/texting';
import { testTwilioAccount } from './harness/twilio';

const TEXTS = 30;

/** DESIGN §3, §9: two cloud processes on one PostgreSQL send each queued text exactly once. */
describe.skipIf(postgresUnavailable())('outbound texts with two cloud processes', () => {
  let server: PostgresServer;
  let standIn: TwilioStandIn;
  let processes: CloudProcess[] = [];
  let db: Db;
  let acme: SeededTenant;

  beforeAll(async () => {
    server = await startPostgres();
    const databaseUrl = await server.createDatabase();
    standIn = await TwilioStandIn.start();
    const env = {
      DATABASE_URL: databaseUrl,
      TWILIO_API_ORIGIN: standIn.origin,
      SHOWROOM_SECRET_KEY: TEST_SECRET_KEY,
    };
    processes = await Promise.all([startCloudProcess(env), startCloudProcess(env)]);
    db = await openPostgres(databaseUrl, 2);
    acme = await seedTenant(db, 'Acme');
    const account = testTwilioAccount();
    const box = secretBox(Buffer.from(TEST_SECRET_KEY, 'base64'));
    await saveTwilioAccount(db, box, acme.tenantId, account, Date.now());
    await db.query(`UPDATE stores SET row = row || $2::jsonb WHERE id = $1`, [
      acme.stores[0].id,
      JSON.stringify({ textingNumber: STORE_TEXTING_NUMBER }),
    ]);
    standIn.addAccount(account);
  });
  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await db?.close();
    await standIn?.close();
    await server?.stop();
  });

  test('texts queued through both processes reach Twilio once each', async () => {
    const [onA, onB] = await Promise.all(
      processes.map((p) => new Api(p.url).login(acme.agent.email, acme.agent.password)),
    );
    const ids = await Promise.all(
      Array.from({ length: TEXTS }, (_, i) =>
        sendText(i % 2 === 0 ? (onA as Api) : (onB as Api), acme.leads.open.id, `Text ${i}`),
      ),
    );

    // Every attempt recorded its outcome: nothing is still on its way to Twilio.
    await vi.waitFor(
      async () => {
        const [row] = await db.query<{ done: number }>(
          `SELECT count(*)::int AS done FROM sms_sends
           WHERE message_id = ANY($1::text[]) AND state = 'done'`,
          [ids],
        );
        expect(row?.done).toBe(TEXTS);
      },
      { timeout: 30_000, interval: 50 },
    );
    const bodies = standIn.sent.map((m) => m.body).sort();
    expect(bodies).toEqual(Array.from({ length: TEXTS }, (_, i) => `Text ${i}`).sort());
    const providerIds = await db.query<{ sid: string }>(
      `SELECT row ->> 'providerId' AS sid FROM messages WHERE id = ANY($1::text[])`,
      [ids],
    );
    expect(new Set(providerIds.map((r) => r.sid))).toEqual(new Set(standIn.sent.map((m) => m.sid)));
    expect(standIn.violations).toEqual([]);
  });
});

/**
 * The claim itself, from two connection pools at once (as two processes hold them): every
 * queued text is claimed by exactly one, first time and when an abandoned attempt is retaken.
 */
describe.skipIf(postgresUnavailable())('claiming queued texts from two pools', () => {
  let server: PostgresServer;
  let pools: Db[] = [];
  let acme: SeededTenant;

  beforeAll(async () => {
    server = await startPostgres();
    const databaseUrl = await server.createDatabase();
    pools = [await openPostgres(databaseUrl, 4), await openPostgres(databaseUrl, 4)];
    await migrate(pools[0] as Db);
    acme = await seedTenant(pools[0] as Db, 'Acme');
  });
  afterAll(async () => {
    await Promise.all(pools.map((pool) => pool.close()));
    await server?.stop();
  });

  test('each text is claimed once, and an abandoned attempt is retaken by one', async () => {
    const db = pools[0] as Db;
    const ids = await queueTexts(db, acme, 60);
    const claimAll = (now: number, staleAfterMs: number) =>
      Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          claimQueuedTexts(pools[i % 2] as Db, 7, { now, staleAfterMs }),
        ),
      );
    const claimed = [];
    for (let round = 0; claimed.length < ids.length && round < 20; round++) {
      claimed.push(...(await claimAll(Date.now(), 60_000)).flat());
    }
    expect(claimed.map((c) => c.messageId).sort()).toEqual([...ids].sort());
    expect(claimed.every((c) => c.attempt === 1)).toBe(true);

    // Nobody recorded an outcome: an hour later every attempt looks abandoned.
    const retaken = [];
    const later = Date.now() + 3_600_000;
    for (let round = 0; retaken.length < ids.length && round < 20; round++) {
      retaken.push(...(await claimAll(later, 60_000)).flat());
    }
    expect(retaken.map((c) => c.messageId).sort()).toEqual([...ids].sort());
    expect(retaken.every((c) => c.attempt === 2)).toBe(true);
  });
});

async function queueTexts(db: Db, t: SeededTenant, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, () => uuidv7());
  await db.transaction(async (tx) => {
    await lockTenant(tx, t.tenantId);
    const write = syncWriter(tx, t.tenantId);
    const conversationId = uuidv7();
    const base = { tenantId: t.tenantId, leadId: t.leads.open.id, createdAt: Date.now() };
    await write.insert('conversations', { ...base, id: conversationId, channel: 'sms' });
    for (const id of ids) {
      await write.insert('messages', {
        ...base,
        id,
        conversationId,
        direction: 'out',
        authorUserId: null,
        body: `queued ${id}`,
        media: [],
        status: 'queued',
        errorCode: null,
        providerId: null,
        scheduledAt: null,
      });
    }
  });
  return ids;
}
