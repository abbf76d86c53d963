import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_CONFIG } from '../../../../src-cloud/config';
import { startCloud, type RunningCloud } from '../../../../src-cloud/server';
import {
  postgresUnavailable,
  startPostgres,
  type PostgresServer,
} from '../harness/postgres-server';
import { seedTenant } from '../harness/seed';
import { TEST_SECRET_KEY } from '../harness/test-cloud';
import { at, ReportInbox, reportingStore } from './report-fixture';

const ZONE = 'America/Chicago';

/**
 * DESIGN §3, §9: several cloud processes on one PostgreSQL, each with its own connection pool
 * and its own job runner, racing for the same reports: every store still gets one per night.
 */
describe.skipIf(postgresUnavailable())('two cloud processes on one PostgreSQL', () => {
  let server: PostgresServer;
  let inbox: ReportInbox;
  let clouds: RunningCloud[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'showroom-two-reports-'));
  let clock = 0;
  const storeAddresses: string[] = [];

  beforeAll(async () => {
    server = await startPostgres();
    inbox = await ReportInbox.start();
    const config = {
      ...DEFAULT_CONFIG,
      port: 0,
      logLevel: 'silent',
      secretKey: TEST_SECRET_KEY,
      dataDir,
      databaseUrl: await server.createDatabase(),
      smtp: inbox.settings,
    };
    clouds = await Promise.all([
      startCloud(config, { jobsEveryMs: 3_600_000 }),
      startCloud(config, { jobsEveryMs: 3_600_000 }),
    ]);
    for (const cloud of clouds) cloud.services.now = () => clock;
    const db = clouds[0]?.services.db;
    if (!db) throw new Error('no cloud');
    for (const name of ['Acme', 'Bravo', 'Charlie']) {
      const tenant = await seedTenant(db, name);
      for (const [i, store] of tenant.stores.entries()) {
        const address = `${name.toLowerCase()}-${i}@reports.test`;
        storeAddresses.push(address);
        await reportingStore(db, store, ZONE, [address]);
      }
    }
  });
  afterAll(async () => {
    await Promise.all(clouds.map((cloud) => cloud.close()));
    await inbox?.stop();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('both run their jobs at 21:00 at once, night after night: each store gets one report', async () => {
    for (const day of ['2030-01-11', '2030-01-12', '2030-01-13']) {
      clock = at(`${day} 21:00`, ZONE);
      // Planning and claiming race too: both processes start their rounds together, twice.
      await Promise.all(clouds.map((cloud) => cloud.jobs.runDue()));
      await Promise.all(clouds.map((cloud) => cloud.jobs.runDue()));
    }
    for (const address of storeAddresses) {
      const subjects = inbox.to(address).map((mail) => mail.subject.replace(/.*\(/, '('));
      expect(subjects, address).toEqual(['(2030-01-11)', '(2030-01-12)', '(2030-01-13)']);
    }
    expect(inbox.received).toHaveLength(storeAddresses.length * 3);
  });
});
