// bench live-fanout: 200 desktops hold a live socket; one change is committed; how long until
// every one of them was poked and had pulled past it. The cloud runs as its own process (as in
// production) on a throwaway PostgreSQL server (PGlite where PostgreSQL is not installed, and
// the output says so), loaded with the demo dealer group; the 200 clients share this process.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { benchLine, percentile } from './_report';
import http from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { DEMO_FIXTURE_LEAD, DEMO_PASSWORD, DEMO_USERS } from '../src-shared/demo';
import type { PullResponse } from '../src-shared/sync/protocol';
import { Api, type LiveSocket } from '../tests/integration/cloud/harness/api';
import {
  startCloudProcess,
  type CloudProcess,
} from '../tests/integration/cloud/harness/cloud-process';
import {
  postgresUnavailable,
  startPostgres,
} from '../tests/integration/cloud/harness/postgres-server';

const CLIENTS = 200;
const ROUNDS = 20;
const TARGET_P50_MS = 100;
const TARGET_P99_MS = 250;

interface Desktop {
  url: string;
  token: string;
  live: LiveSocket;
  cursor: number;
  /** When each pull finished, and the cursor it reached. */
  pulled: { at: number; cursor: number }[];
}

// node:http with keep-alive rather than fetch: 200 clients in one process should cost this
// process as little as possible, so that the figure is the cloud's.
const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS * 2 });

function pullPage(desktop: Desktop): Promise<PullResponse> {
  return new Promise((resolve, reject) => {
    const url = `${desktop.url}/v1/sync?since=${desktop.cursor}&limit=1000`;
    http
      .get(url, { agent, headers: { authorization: `Bearer ${desktop.token}` } }, (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () =>
          response.statusCode === 200
            ? resolve(JSON.parse(text) as PullResponse)
            : reject(new Error(text)),
        );
      })
      .on('error', reject);
  });
}

/** What the desktop sync client does on a poke: pull until caught up. */
async function followPokes(desktop: Desktop): Promise<void> {
  for (;;) {
    const frame = await desktop.live.next().catch(() => null);
    if (!frame) return;
    if (frame.type !== 'poke' || frame.version <= desktop.cursor) continue;
    for (let more = true; more;) {
      const page = await pullPage(desktop);
      desktop.cursor = page.cursor;
      more = page.more;
    }
    desktop.pulled.push({ at: performance.now(), cursor: desktop.cursor });
  }
}

async function reached(desktop: Desktop, version: number): Promise<number> {
  for (;;) {
    const done = desktop.pulled.find((pull) => pull.cursor >= version);
    if (done) return done.at;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

/** User + system CPU of another process (Linux only; null elsewhere). */
function processCpuMs(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * (1000 / 100); // clock ticks of 10 ms
  } catch {
    return null;
  }
}

function ownCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

const line = (metric: string, value: number, unit: string, target: number) =>
  benchLine('live-fanout', metric, value, unit, ['<=', target]);

async function main() {
  const why = postgresUnavailable();
  const postgres = why ? null : await startPostgres();
  const dataDir = postgres ? null : mkdtempSync(join(tmpdir(), 'showroom-bench-'));
  if (why) console.log(`# PostgreSQL unavailable (${why}): running on PGlite`);
  const env: Record<string, string> = { SHOWROOM_DEMO_LEADS: '200' };
  const desktops: Desktop[] = [];
  let cloud: CloudProcess | null = null;
  try {
    if (postgres) env.DATABASE_URL = await postgres.createDatabase();
    else env.SHOWROOM_DATA_DIR = dataDir as string;
    cloud = await startCloudProcess(env, ['--demo']);
    const url = cloud.url;
    const signedIn = await Promise.all(
      DEMO_USERS.map((u) => new Api(url).login(u.email, DEMO_PASSWORD)),
    );
    // Every desktop starts caught up: the first full pull is not what this measures.
    const { cursor } = await (signedIn[0] as Api).pullAll();
    for (let i = 0; i < CLIENTS; i++) {
      const api = signedIn[i % signedIn.length] as Api;
      desktops.push({
        url: cloud.url,
        token: api.token as string,
        live: await api.live(),
        cursor,
        pulled: [],
      });
    }
    for (const desktop of desktops) void followPokes(desktop);
    const writer = signedIn[DEMO_USERS.findIndex((u) => u.role === 'manager')] as Api;

    const samples: number[] = [];
    const cpuBefore = { cloud: processCpuMs(cloud.child.pid), clients: ownCpuMs() };
    for (let round = 0; round < ROUNDS; round++) {
      const started = performance.now();
      const text = `round ${round}`;
      const answer = await writer.mutate('addNote', {
        leadId: DEMO_FIXTURE_LEAD.id,
        noteId: uuidv7(),
        text,
      });
      if (answer.result?.status !== 'ok')
        throw new Error(`not applied: ${JSON.stringify(answer.body)}`);
      const { version } = answer.body;
      for (const desktop of desktops) samples.push((await reached(desktop, version)) - started);
      for (const desktop of desktops)
        desktop.pulled = desktop.pulled.filter((p) => p.cursor > version);
    }
    const perChange = (ms: number | null) => (ms === null ? '?' : (ms / ROUNDS).toFixed(0));
    const cloudCpu = processCpuMs(cloud.child.pid);
    console.log(
      `# CPU per change: cloud ${perChange(cloudCpu === null || cpuBefore.cloud === null ? null : cloudCpu - cpuBefore.cloud)} ms,` +
        ` clients ${perChange(ownCpuMs() - cpuBefore.clients)} ms; ${cpus().length} cores, load ${loadavg()[0]?.toFixed(1)}`,
    );
    samples.sort((a, b) => a - b);
    const where = postgres ? 'PostgreSQL' : 'PGlite';
    console.log(
      `# ${CLIENTS} live clients, ${ROUNDS} changes on ${where}; from sending the change to each pull`,
    );
    line('poke-pull-p50', percentile(samples, 50), 'ms', TARGET_P50_MS);
    line('poke-pull-p99', percentile(samples, 99), 'ms', TARGET_P99_MS);
  } finally {
    for (const desktop of desktops) desktop.live.close();
    agent.destroy();
    await cloud?.stop();
    await postgres?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
