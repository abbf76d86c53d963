// bench inbound-sms: Twilio's incoming-message webhook, signed as Twilio signs it, posted to one
// cloud process (its own process, as in production) on a throwaway PostgreSQL server.
//  1. sustained: webhooks answered per second with many in flight (target >= 1000/s);
//  2. visible: 200 desktops hold a live socket and pull on every poke, as the sync client does;
//     texts arrive at 100/s; the time from posting a text until each desktop has pulled it
//     (p99 target <= 250 ms).
// Where PostgreSQL is not installed it says so and stops: the figure is PostgreSQL's.
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import twilio from 'twilio';
import type { PullResponse } from '../src-shared/sync/protocol';
import type { Db } from '../src-cloud/db/db';
import { openPostgres } from '../src-cloud/db/postgres';
import { secretBox } from '../src-cloud/secrets/secret-box';
import { saveTwilioAccount } from '../src-cloud/twilio/account';
import { Api, type LiveSocket } from '../tests/integration/cloud/harness/api';
import { startCloudProcess } from '../tests/integration/cloud/harness/cloud-process';
import {
  postgresUnavailable,
  startPostgres,
} from '../tests/integration/cloud/harness/postgres-server';
import { seedTenant } from '../tests/integration/cloud/harness/seed';
import { TEST_SECRET_KEY } from '../tests/integration/cloud/harness/test-cloud';
import { benchLine, percentile } from './_report';

const SUSTAINED_TEXTS = Number(process.env.BENCH_TEXTS ?? 4000);
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 64);
const SENDERS = Number(process.env.BENCH_SENDERS ?? 1000);
const CLIENTS = 200;
const PACED_RATE = 100;
const PACED_SECONDS = 10;
const TARGET_PER_SECOND = 1000;
const TARGET_VISIBLE_P99_MS = 250;

const GROUPS = 8;
const PUBLIC_URL = 'https://showroom.bench.test';

/** A dealer group's Twilio account and its store's texting number. */
interface Line {
  number: string;
  account: { accountSid: string; authToken: string };
}
const lineOf = (group: number): Line => ({
  number: `+1303555${String(100 + group).padStart(4, '0')}`,
  account: {
    accountSid: `AC${group.toString(16).padStart(2, '0').repeat(16)}`,
    authToken: `bench${group}`.padEnd(32, 'x'),
  },
});

const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS * 2 });

/** One webhook as Twilio posts it; resolves with the status once answered. */
function postText(
  cloudUrl: string,
  line: Line,
  sid: string,
  from: string,
  body: string,
): Promise<number> {
  const params = {
    MessageSid: sid,
    AccountSid: line.account.accountSid,
    From: from,
    To: line.number,
    Body: body,
    NumMedia: '0',
  };
  const signature = twilio.getExpectedTwilioSignature(
    line.account.authToken,
    `${PUBLIC_URL}/v1/twilio/sms`,
    params,
  );
  const form = new URLSearchParams(params).toString();
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${cloudUrl}/v1/twilio/sms`,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(form),
          'x-twilio-signature': signature,
        },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    request.on('error', reject);
    request.end(form);
  });
}

const sid = () => `SM${randomBytes(16).toString('hex')}`;
const sender = (i: number) => `+1720555${String(1000 + (i % SENDERS)).padStart(4, '0')}`;

interface Desktop {
  token: string;
  live: LiveSocket;
  cursor: number;
}

let pulls = 0;

function pullPage(cloudUrl: string, desktop: Desktop): Promise<PullResponse> {
  pulls += 1;
  return new Promise((resolve, reject) => {
    http
      .get(
        `${cloudUrl}/v1/sync?since=${desktop.cursor}&limit=1000`,
        { agent, headers: { authorization: `Bearer ${desktop.token}` } },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () =>
            response.statusCode === 200
              ? resolve(JSON.parse(text) as PullResponse)
              : reject(new Error(text)),
          );
        },
      )
      .on('error', reject);
  });
}

/** The desktop's sync loop: on a poke past its cursor, pull until caught up; note each message. */
async function followPokes(
  cloudUrl: string,
  desktop: Desktop,
  seen: (providerId: string, at: number) => void,
): Promise<void> {
  for (;;) {
    const frame = await desktop.live.next().catch(() => null);
    if (!frame) return;
    if (frame.type !== 'poke' || frame.version <= desktop.cursor) continue;
    for (let more = true; more;) {
      const page = await pullPage(cloudUrl, desktop);
      const at = performance.now();
      for (const change of page.changes) {
        if (change.op === 'upsert' && change.table === 'messages') {
          const providerId = (change.row as { providerId?: string | null }).providerId;
          if (providerId) seen(providerId, at);
        }
      }
      desktop.cursor = page.cursor;
      more = page.more;
    }
  }
}

async function connectTwilio(db: Db, tenantId: string, storeId: string, line: Line) {
  const box = secretBox(Buffer.from(TEST_SECRET_KEY, 'base64'));
  await saveTwilioAccount(db, box, tenantId, line.account, Date.now());
  await db.query(`UPDATE stores SET row = row || $3::jsonb WHERE tenant_id = $1 AND id = $2`, [
    tenantId,
    storeId,
    JSON.stringify({ textingNumber: line.number }),
  ]);
}

/** User + system CPU of another process, ms (Linux only; null elsewhere). */
function processCpuMs(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10; // clock ticks of 10 ms
  } catch {
    return null;
  }
}

/** The same for PostgreSQL: its main process and every backend (its children), ms. */
function postgresCpuMs(postmaster: number): number | null {
  try {
    let total = processCpuMs(postmaster) ?? 0;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      if (Number(stat[1]) === postmaster) total += (Number(stat[11]) + Number(stat[12])) * 10;
    }
    return total;
  } catch {
    return null;
  }
}

/** CPU per webhook of the cloud and of PostgreSQL: what the machine's other load does not move. */
function cpuMeter(cloudPid: number | undefined, postmaster: number) {
  const read = () => ({ cloud: processCpuMs(cloudPid), postgres: postgresCpuMs(postmaster) });
  const before = read();
  return (texts: number) => {
    const after = read();
    const per = (a: number | null, b: number | null) =>
      a === null || b === null ? 'n/a' : `${((b - a) / texts).toFixed(2)} ms`;
    console.log(
      `# CPU per webhook: cloud process ${per(before.cloud, after.cloud)}, PostgreSQL ${per(before.postgres, after.postgres)}`,
    );
  };
}

/** Texts from SENDERS numbers to each line, with IN_FLIGHT webhooks in flight. */
async function sustained(
  db: Db,
  cloudUrl: string,
  cloudPid: number | undefined,
  postmaster: number,
  lines: Line[],
  metric: string,
): Promise<void> {
  const lineFor = (i: number) => lines[i % lines.length] as Line;
  // Warm up: connections, the senders' leads (a first text makes a lead and an offer).
  let warm = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (warm < SENDERS * lines.length) {
        const i = warm++;
        await postText(cloudUrl, lineFor(i), sid(), sender(Math.floor(i / lines.length)), 'hi');
      }
    }),
  );
  // The tables grew from nothing a moment ago; a running cloud's have statistics (autovacuum
  // analyses within a minute), so the planner knows a tenant's leads are many, not two.
  await db.query('ANALYZE');
  let next = 0;
  let failed = 0;
  const cpu = cpuMeter(cloudPid, postmaster);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < SUSTAINED_TEXTS) {
        const i = next++;
        const status = await postText(
          cloudUrl,
          lineFor(i),
          sid(),
          sender(Math.floor(i / lines.length)),
          `Is car ${i} still there?`,
        );
        if (status !== 200) failed += 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  if (failed) throw new Error(`${failed} webhooks were not answered 200`);
  cpu(SUSTAINED_TEXTS);
  console.log(
    `# ${metric}: ${SUSTAINED_TEXTS} texts from ${SENDERS} known numbers to ${lines.length} dealer group(s), ${IN_FLIGHT} in flight, in ${seconds.toFixed(1)} s`,
  );
  benchLine('inbound-sms', metric, SUSTAINED_TEXTS / seconds, 'webhooks/s', [
    '>=',
    TARGET_PER_SECOND,
  ]);
}

async function visible(cloudUrl: string, line: Line, tokens: string[]): Promise<void> {
  const first = new Api(cloudUrl, tokens[0] ?? null);
  const { cursor } = await first.pullAll();
  const desktops: Desktop[] = [];
  for (let i = 0; i < CLIENTS; i++) {
    const api = new Api(cloudUrl, tokens[i % tokens.length] ?? null);
    desktops.push({ token: api.token as string, live: await api.live(), cursor });
  }
  const sentAt = new Map<string, number>();
  const samples: number[] = [];
  const seenBy = new Map<string, number>();
  for (const desktop of desktops) {
    void followPokes(cloudUrl, desktop, (providerId, at) => {
      const sent = sentAt.get(providerId);
      if (sent === undefined) return;
      samples.push(at - sent);
      seenBy.set(providerId, (seenBy.get(providerId) ?? 0) + 1);
    });
  }
  const total = PACED_RATE * PACED_SECONDS;
  const answered: number[] = [];
  pulls = 0;
  const started = performance.now();
  const posts: Promise<number>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / PACED_RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const id = sid();
    sentAt.set(id, performance.now());
    const sent = performance.now();
    posts.push(
      postText(cloudUrl, line, id, sender(i), `Paced text ${i}`).then((status) => {
        answered.push(performance.now() - sent);
        return status;
      }),
    );
  }
  await Promise.all(posts);
  const deadline = performance.now() + 30_000;
  while ([...sentAt.keys()].some((id) => (seenBy.get(id) ?? 0) < CLIENTS)) {
    if (performance.now() > deadline) throw new Error('not every desktop saw every text in 30 s');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  for (const desktop of desktops) desktop.live.close();
  console.log(
    `# ${total} texts at ${PACED_RATE}/s, ${CLIENTS} live desktops pulling on every poke: from posting to each desktop's pull (${samples.length} samples)`,
  );
  // Where the time goes: the webhook's own answer, and the pulls the pokes caused.
  benchLine('inbound-sms', 'paced-answer-p99', percentile(answered, 99), 'ms');
  benchLine('inbound-sms', 'pulls-per-text', pulls / total, 'pulls');
  benchLine('inbound-sms', 'visible-p50', percentile(samples, 50), 'ms');
  benchLine('inbound-sms', 'visible-p99', percentile(samples, 99), 'ms', [
    '<=',
    TARGET_VISIBLE_P99_MS,
  ]);
}

async function main() {
  const why = postgresUnavailable();
  if (why) {
    console.log(`# bench inbound-sms needs PostgreSQL (${why}): not run`);
    return;
  }
  const postgres = await startPostgres();
  let cloud: Awaited<ReturnType<typeof startCloudProcess>> | null = null;
  let db: Db | null = null;
  try {
    const databaseUrl = await postgres.createDatabase();
    cloud = await startCloudProcess({
      DATABASE_URL: databaseUrl,
      PUBLIC_URL,
      SHOWROOM_SECRET_KEY: TEST_SECRET_KEY,
    });
    db = await openPostgres(databaseUrl, 2);
    const lines = Array.from({ length: GROUPS }, (_, group) => lineOf(group));
    const tenants = [];
    for (const [group, line] of lines.entries()) {
      const tenant = await seedTenant(db, `Bench Motors ${group + 1}`);
      await connectTwilio(db, tenant.tenantId, tenant.stores[0].id, line);
      tenants.push(tenant);
    }
    const tenant = tenants[0]!;
    const tokens = await Promise.all(
      [tenant.manager, tenant.admin, tenant.agent].map(
        async (who) => (await new Api(cloud!.url).login(who.email, who.password)).token as string,
      ),
    );
    // One store's texts take turns on its dealer group's write lock; several groups' do not.
    const pids = [cloud.child.pid, postgres.pid()] as const;
    await sustained(db, cloud.url, ...pids, lines.slice(0, 1), 'sustained-one-store');
    await sustained(db, cloud.url, ...pids, lines, `sustained-${GROUPS}-groups`);
    if (!process.env.BENCH_SKIP_VISIBLE) await visible(cloud.url, lines[0]!, tokens);
    console.log(`# ${cpus().length} cores, load ${loadavg()[0]?.toFixed(1)}`);
  } finally {
    agent.destroy();
    await db?.close();
    await cloud?.stop();
    await postgres.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
