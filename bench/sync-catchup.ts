// bench sync-catchup: a first sync, pulling about 100k changes into an empty replica through the
// desktop's own sync client (src-main/sync: CloudApi pages, the next page fetched while one is
// written, each written in one transaction with its cursor). The cloud runs as its own process
// (as in production) with the demo dealer group, on PGlite, or on the PostgreSQL server at
// DATABASE_URL when set; the manager sees every store, so every change is theirs.
import { mkdtempSync, rmSync } from 'node:fs';
import { benchLine } from './_report';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD } from '../src-shared/demo';
import type { PullResponse } from '../src-shared/sync/protocol';
import { openReplica } from '../src-main/replica/open';
import { CloudApi } from '../src-main/sync/cloud-api';
import { pullUntilCaughtUp } from '../src-main/sync/pull';
import { startCloudProcess } from '../tests/integration/cloud/harness/cloud-process';

/** ~17.7 changes per demo lead for a manager: 5,700 leads make about 100k changes. */
const LEADS = Number(process.env.SHOWROOM_BENCH_LEADS ?? 5_700);
const PAGE = 2_000;
const TARGET_ROWS_PER_S = 20_000;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'showroom-bench-sync-'));
  const databaseUrl = process.env.DATABASE_URL ?? '';
  console.log(
    `# cloud on ${databaseUrl ? 'PostgreSQL (DATABASE_URL)' : 'PGlite'}, demo with ${LEADS} leads`,
  );
  const loading = Date.now();
  const cloud = await startCloudProcess(
    {
      SHOWROOM_DATA_DIR: join(dir, 'cloud'),
      DATABASE_URL: databaseUrl,
      SHOWROOM_DEMO_LEADS: String(LEADS),
    },
    ['--demo'],
  );
  console.log(`# cloud started and loaded in ${((Date.now() - loading) / 1000).toFixed(1)} s`);
  const opened = openReplica(join(dir, 'replica.db'));
  if (!opened.ok) throw new Error(opened.health.message);
  const replica = opened.replica;
  try {
    const { token } = await new CloudApi({ baseUrl: cloud.url }).login(
      'manager@demo.test',
      DEMO_PASSWORD,
    );
    const api = new CloudApi({ baseUrl: cloud.url, token });
    const pageTimes: number[] = [];
    const timed = Object.create(api) as CloudApi;
    timed.pull = async (since, limit): Promise<PullResponse> => {
      const started = performance.now();
      const page = await api.pull(since, limit);
      pageTimes.push(performance.now() - started);
      return page;
    };

    const started = performance.now();
    const { received } = await pullUntilCaughtUp({
      api: timed,
      pageSize: PAGE,
      replica: () => replica,
      me: () => null,
      checkRunning: () => undefined,
      replicaChanged: () => undefined,
      progress: () => undefined,
    });
    const seconds = (performance.now() - started) / 1000;
    const optimizing = performance.now();
    replica.optimize();
    const optimizeMs = performance.now() - optimizing;

    const rate = received / seconds;
    const sorted = [...pageTimes].sort((a, b) => a - b);
    const p50 = sorted[Math.floor(sorted.length / 2)] ?? 0;
    console.log(
      `# ${received} changes in ${seconds.toFixed(1)} s, ${pageTimes.length} pages of ${PAGE}`,
    );
    benchLine('sync-catchup', 'rows_per_s', Math.round(rate), 'rows/s', ['>=', TARGET_ROWS_PER_S]);
    console.log(
      `# page fetch p50 ${p50.toFixed(0)} ms (the cloud's answer, while the previous page is written)`,
    );
    console.log(`# search index optimize after the pull: ${optimizeMs.toFixed(0)} ms`);
  } finally {
    replica.close();
    await cloud.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
