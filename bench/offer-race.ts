// bench offer-race: 200 agents of one store are signed in and online; a new lead rings at all of
// them and every one presses Accept at the same moment, over HTTP. Prints the accept latency
// (p99, each request from sending to its answer) and the number of winners (always 1). The
// cloud runs as its own process on a throwaway PostgreSQL server; where PostgreSQL is not
// installed, in this process on PGlite (one process cannot share a PGlite folder), and says so.
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { User } from '../src-shared/domain/user';
import { createSession } from '../src-cloud/accounts/sessions';
import { DEFAULT_CONFIG } from '../src-cloud/config';
import type { Db } from '../src-cloud/db/db';
import { openPostgres } from '../src-cloud/db/postgres';
import { startCloud } from '../src-cloud/server';
import { loadChanges } from '../src-cloud/sync/load-changes';
import { lockTenant } from '../src-cloud/sync/tenant-write';
import { Api } from '../tests/integration/cloud/harness/api';
import { startCloudProcess } from '../tests/integration/cloud/harness/cloud-process';
import {
  postgresUnavailable,
  startPostgres,
} from '../tests/integration/cloud/harness/postgres-server';
import { seedTenant } from '../tests/integration/cloud/harness/seed';
import { benchLine, percentile } from './_report';

const AGENTS = 200;
const ROUNDS = 10;
const TARGET_P99_MS = 50;

interface Backend {
  url: string;
  /** The cloud's database, for the fixtures (users, sessions, presence). */
  db: Db;
  where: string;
  stop(): Promise<void>;
}

async function startBackend(): Promise<Backend> {
  const why = postgresUnavailable();
  if (!why) {
    const postgres = await startPostgres();
    try {
      const databaseUrl = await postgres.createDatabase();
      const cloud = await startCloudProcess({ DATABASE_URL: databaseUrl });
      const db = await openPostgres(databaseUrl, 2);
      return {
        url: cloud.url,
        db,
        where: 'PostgreSQL, the cloud in its own process',
        async stop() {
          await db.close();
          await cloud.stop();
          await postgres.stop();
        },
      };
    } catch (error) {
      await postgres.stop();
      throw error;
    }
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'showroom-bench-'));
  const cloud = await startCloud({ ...DEFAULT_CONFIG, port: 0, logLevel: 'warn', dataDir });
  return {
    url: cloud.url,
    db: cloud.services.db,
    where: `PGlite in this process (PostgreSQL unavailable: ${why})`,
    async stop() {
      await cloud.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The agents, signed in (a session each, as a sign-in makes) and online (as presence says). */
async function signInAgents(db: Db, tenantId: string, storeId: string): Promise<User[]> {
  const agents: User[] = Array.from({ length: AGENTS }, (_, i) => ({
    id: uuidv7(),
    tenantId,
    name: `Agent ${i + 1}`,
    email: `agent${i + 1}.${tenantId.slice(-8)}@bench.test`,
    role: 'agent',
    storeIds: [storeId],
    photoUrl: null,
    phone: null,
    extension: '',
    preferences: { forwardLeadCalls: false, copyMeOnEmails: true, playSounds: true },
  }));
  const now = Date.now();
  await db.transaction(async (tx) => {
    await lockTenant(tx, tenantId);
    await loadChanges(
      tx,
      tenantId,
      agents.map((row) => ({ table: 'users', op: 'upsert', row })),
    );
    await tx.query(
      `INSERT INTO user_presence (tenant_id, user_id, state, reason, since)
       SELECT $1, unnest($2::text[]), 'online', 'active', $3`,
      [tenantId, agents.map((a) => a.id), now],
    );
  });
  return agents;
}

interface Answer {
  status: number;
  ms: number;
}

function post(agent: http.Agent, url: string, token: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = http.request(
      url,
      { method: 'POST', agent, headers: { authorization: `Bearer ${token}` } },
      (response) => {
        response.resume();
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, ms: performance.now() - started }),
        );
      },
    );
    request.on('error', reject);
    request.end();
  });
}

function get(agent: http.Agent, url: string, token: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    http
      .get(url, { agent, headers: { authorization: `Bearer ${token}` } }, (response) => {
        response.resume();
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, ms: performance.now() - started }),
        );
      })
      .on('error', reject);
  });
}

async function main() {
  const backend = await startBackend();
  // node:http with keep-alive and a socket per agent, like 200 desktops each with its own.
  const agent = new http.Agent({ keepAlive: true, maxSockets: AGENTS });
  try {
    const seeded = await seedTenant(backend.db, 'Bench Motors');
    const store = seeded.stores[0];
    const agents = await signInAgents(backend.db, seeded.tenantId, store.id);
    const tokens = await Promise.all(
      agents.map((user) => createSession(backend.db, user, Date.now(), 3_600_000)),
    );
    const manager = await new Api(backend.url).login(seeded.manager.email, seeded.manager.password);
    // Every desk has its connection open and its session known before anything is timed.
    const me = () => Promise.all(tokens.map((t) => get(agent, `${backend.url}/v1/me`, t)));
    if ((await me()).some((a) => a.status !== 200)) throw new Error('an agent could not sign in');
    // What 200 requests at once cost here without any offer: the floor under the figure.
    const floor = percentile(
      (await me()).map((a) => a.ms),
      99,
    );

    const samples: number[] = [];
    const winnersPerRound: number[] = [];
    // Round 0 warms up (each connection plans the accept statements once) and is not timed.
    for (let round = 0; round <= ROUNDS; round++) {
      const inbound = await manager.post('/v1/inbound', {
        storeId: store.id,
        channel: 'sms',
        from: {
          phone: `+1303555${String(100 + round).padStart(4, '0')}`,
          firstName: 'Race',
          lastName: `${round}`,
        },
        body: 'Is the Tacoma still available?',
      });
      const offerId = (inbound.body as { offerId: string | null }).offerId;
      if (inbound.status !== 200 || !offerId)
        throw new Error(`no offer made: ${JSON.stringify(inbound.body)}`);
      const url = `${backend.url}/v1/offers/${offerId}/accept`;
      const answers = await Promise.all(tokens.map((token) => post(agent, url, token)));
      const unexpected = answers.filter((a) => a.status !== 200 && a.status !== 409);
      if (unexpected.length) throw new Error(`unexpected answers: ${unexpected[0]?.status}`);
      if (round > 0) samples.push(...answers.map((a) => a.ms));
      winnersPerRound.push(answers.filter((a) => a.status === 200).length);
    }
    const wrong = winnersPerRound.find((n) => n !== 1);
    console.log(
      `# ${AGENTS} agents, ${ROUNDS} timed offers (+1 warm-up) on ${backend.where}; winners per offer: ${winnersPerRound.join(' ')}`,
    );
    console.log(
      `# for scale: ${AGENTS} signed-in GET /v1/me at once, p99 ${floor.toFixed(1)} ms; ${cpus().length} cores, load ${loadavg()[0]?.toFixed(1)}`,
    );
    benchLine('offer-race', 'accept.p50', percentile(samples, 50), 'ms');
    benchLine('offer-race', 'accept.p99', percentile(samples, 99), 'ms', ['<=', TARGET_P99_MS]);
    benchLine('offer-race', 'winners', wrong ?? 1, 'count', ['=', 1]);
  } finally {
    agent.destroy();
    await backend.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
