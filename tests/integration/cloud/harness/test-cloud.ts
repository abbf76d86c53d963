import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CONFIG, type CloudConfig } from '../../../../src-cloud/config';
import type { Db } from '../../../../src-cloud/db/db';
import { startCloud, type RunningCloud, type StartOptions } from '../../../../src-cloud/server';
import { postgresUnavailable, startPostgres, type PostgresServer } from './postgres-server';

export type Backend = 'pglite' | 'postgres';

export const TEST_SECRET_KEY = Buffer.alloc(32, 7).toString('base64');

/**
 * Every integration suite runs on both databases; PostgreSQL is skipped, saying why, only where
 * it is not installed (CI installs it).
 */
export const BACKENDS: { backend: Backend; skip: string | null }[] = [
  { backend: 'pglite', skip: null },
  { backend: 'postgres', skip: postgresUnavailable() },
];

export interface TestCloud extends RunningCloud {
  db: Db;
  backend: Backend;
  /** The PostgreSQL URL of this cloud's database (postgres backend only). */
  databaseUrl: string | null;
  config: CloudConfig;
  stop(): Promise<void>;
}

/**
 * A cloud on 127.0.0.1, port 0, with a fresh PGlite folder or a fresh PostgreSQL server.
 * `options`: what `startCloud` takes besides its database (a fast presence sweeper...).
 */
export async function startTestCloud(
  backend: Backend,
  overrides: Partial<CloudConfig> = {},
  options: Omit<StartOptions, 'db'> = {},
): Promise<TestCloud> {
  let server: PostgresServer | null = null;
  let dataDir: string | null = null;
  const config: CloudConfig = {
    ...DEFAULT_CONFIG,
    port: 0,
    logLevel: 'silent',
    // One key for every test cloud, as every process of a deployment shares SHOWROOM_SECRET_KEY;
    // and no key file is left in the working folder by a PostgreSQL-backed test.
    secretKey: TEST_SECRET_KEY,
    // The email relay's SMTP listener on a free port: test clouds run side by side.
    smtpListenPort: 0,
    ...overrides,
  };
  if (backend === 'postgres') {
    server = await startPostgres();
    config.databaseUrl = await server.createDatabase();
  } else {
    dataDir = mkdtempSync(join(tmpdir(), 'showroom-cloud-'));
    config.dataDir = dataDir;
    config.databaseUrl = null;
  }
  const cleanUp = async () => {
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  const cloud = await startCloud(config, options).catch(async (error: unknown) => {
    await cleanUp();
    throw error;
  });
  return {
    ...cloud,
    db: cloud.services.db,
    backend,
    databaseUrl: config.databaseUrl,
    config,
    async stop() {
      try {
        await cloud.close();
      } finally {
        await cleanUp();
      }
    },
  };
}
