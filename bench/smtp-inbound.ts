// bench smtp-inbound: customers' emails arriving at the relay's SMTP listener, each received,
// parsed (mailparser), matched to its lead by relay token, its quoted history stripped and
// written to the thread, then answered 250. Prints messages per second for one cloud process
// on a throwaway PostgreSQL server, 20 SMTP connections at once (a mail provider delivering a
// backlog); where PostgreSQL is not installed, in this process on PGlite, and says so.
import { createServer } from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { v7 as uuidv7 } from 'uuid';
import { DEFAULT_CONFIG } from '../src-cloud/config';
import type { Db } from '../src-cloud/db/db';
import { openPostgres } from '../src-cloud/db/postgres';
import { ensureRelayToken } from '../src-cloud/relay/relay-addresses';
import { startCloud } from '../src-cloud/server';
import { loadChanges } from '../src-cloud/sync/load-changes';
import { lockTenant } from '../src-cloud/sync/tenant-write';
import { startCloudProcess } from '../tests/integration/cloud/harness/cloud-process';
import {
  postgresUnavailable,
  startPostgres,
} from '../tests/integration/cloud/harness/postgres-server';
import { makeLead, seedTenant } from '../tests/integration/cloud/harness/seed';
import { benchLine } from './_report';

const DOMAIN = 'relay.bench.test';
const LEADS = 500;
const WARM_UP = 100;
const MESSAGES = 2000;
// What one sending MTA opens to one destination at most (Postfix: default_destination_concurrency_limit).
const CONNECTIONS = 20;
const TARGET_PER_SECOND = 200;

interface Backend {
  smtpPort: number;
  /** CPU seconds the cloud has used so far (its process, user + system). */
  cloudCpu(): number;
  db: Db;
  where: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A process's CPU seconds from /proc (Linux), or NaN where there is none. */
function processCpu(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

async function startBackend(): Promise<Backend> {
  const why = postgresUnavailable();
  if (!why) {
    const postgres = await startPostgres();
    try {
      const databaseUrl = await postgres.createDatabase();
      const smtpPort = await freePort();
      const cloud = await startCloudProcess({
        DATABASE_URL: databaseUrl,
        RELAY_DOMAIN: DOMAIN,
        SMTP_LISTEN_PORT: String(smtpPort),
      });
      const db = await openPostgres(databaseUrl, 2);
      const pid = cloud.child.pid as number;
      return {
        smtpPort,
        cloudCpu: () => processCpu(pid),
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
  const cloud = await startCloud({
    ...DEFAULT_CONFIG,
    port: 0,
    smtpListenPort: 0,
    relayDomain: DOMAIN,
    logLevel: 'warn',
    dataDir,
  });
  return {
    smtpPort: cloud.smtpPort as number,
    cloudCpu: () => {
      const { user, system } = process.cpuUsage();
      return (user + system) / 1e6;
    },
    db: cloud.services.db,
    where: `PGlite in this process (PostgreSQL unavailable: ${why})`,
    async stop() {
      await cloud.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Leads assigned to the store's agent (customers answering), each with its relay address. */
async function relayAddresses(db: Db): Promise<{ address: string; email: string }[]> {
  const seeded = await seedTenant(db, 'Bench Motors');
  const leads = Array.from({ length: LEADS }, (_, i) =>
    makeLead(seeded.tenantId, seeded.stores[0].id, {
      email: `customer${i}@bench.test`,
      assignedUserId: seeded.agent.user.id,
    }),
  );
  return db.transaction(async (tx) => {
    await lockTenant(tx, seeded.tenantId);
    await loadChanges(
      tx,
      seeded.tenantId,
      leads.map((row) => ({ table: 'leads', op: 'upsert', row })),
    );
    const addresses = [];
    for (const lead of leads) {
      const token = await ensureRelayToken(tx, seeded.tenantId, lead.id, Date.now());
      addresses.push({ address: `lead-${token}@${DOMAIN}`, email: lead.email as string });
    }
    return addresses;
  });
}

/** A realistic reply: a few lines, then the history a mail program quotes under it. */
function reply(n: number, to: { address: string; email: string }) {
  return {
    from: { name: `Customer ${n}`, address: to.email },
    to: to.address,
    subject: 'Re: Your inquiry at Bench Motors North',
    messageId: `<${uuidv7()}@bench.test>`,
    text: [
      `Thanks! Reply number ${n}. Could we look at the silver one on Saturday morning?`,
      'Also, what would my 2016 Civic be worth as a trade?',
      '',
      `On Mon, Jan 5, 2026 at 10:00 AM Bench Agent <${to.address}> wrote:`,
      ...Array.from({ length: 20 }, (_, i) => `> quoted line ${i} of the earlier message`),
    ].join('\r\n'),
  };
}

async function sendAll(
  port: number,
  count: number,
  addresses: { address: string; email: string }[],
) {
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port,
    ignoreTLS: true,
    pool: true,
    maxConnections: CONNECTIONS,
    maxMessages: Infinity,
  });
  try {
    const started = performance.now();
    await Promise.all(
      Array.from({ length: count }, (_, n) =>
        transport.sendMail(
          reply(n, addresses[n % addresses.length] as { address: string; email: string }),
        ),
      ),
    );
    return performance.now() - started;
  } finally {
    transport.close();
  }
}

async function main() {
  const backend = await startBackend();
  try {
    const addresses = await relayAddresses(backend.db);
    await sendAll(backend.smtpPort, WARM_UP, addresses);
    const cpuBefore = backend.cloudCpu();
    const ms = await sendAll(backend.smtpPort, MESSAGES, addresses);
    const cpuMsPerMessage = ((backend.cloudCpu() - cpuBefore) * 1000) / MESSAGES;
    const [threaded] = await backend.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM messages WHERE row ->> 'direction' = 'in'`,
    );
    if (threaded?.n !== WARM_UP + MESSAGES) {
      throw new Error(`${threaded?.n} messages threaded, expected ${WARM_UP + MESSAGES}`);
    }
    console.log(
      `# ${MESSAGES} emails (+${WARM_UP} warm-up) to ${LEADS} leads over ${CONNECTIONS} SMTP connections on ${backend.where}; ${cpus().length} cores, load ${loadavg()[0]?.toFixed(1)}`,
    );
    // The cloud's own CPU per email: what one core could take if it had the machine to itself
    // (the figure above moves with whatever else the machine is running).
    benchLine('smtp-inbound', 'cloud-cpu-per-message', cpuMsPerMessage, 'ms');
    benchLine('smtp-inbound', 'threaded', MESSAGES / (ms / 1000), 'msg/s', [
      '>=',
      TARGET_PER_SECOND,
    ]);
  } finally {
    await backend.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
