/**
 * Nothing an agent typed is lost, nothing is sent twice (DESIGN §4): a desktop core in a child
 * process issues 200 messages across several leads while the test kill -9s it at moments a
 * seeded PRNG picks, and restarts it on the same data folder until all 200 were issued; then it
 * drains. Every message is in the cloud exactly once, in the order it was typed per lead, and
 * the cloud accepted every mutation the first time it applied it.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v5 as uuidv5 } from 'uuid';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEMO_USERS } from '../../../src-shared/demo';
import { Rng } from '../../../src-shared/demo/random';
import type { Lead, User } from '../../../src-shared';
import type { TestCloud } from '../cloud/harness/test-cloud';
import { DEMO_PASSWORD, startDemoCloud } from './harness/demo-cloud';
import type { OutboxPlan } from './harness/outbox-child';

const CHILD = join(import.meta.dirname, 'harness/outbox-child.ts');
const MESSAGES = 200;
const LEADS = 5;
const SEED = 20240607;
/** Agents 5 and 6 work the third store: no other test here writes there. */
const AGENT = 'agent5@demo.test';

let cloud: TestCloud;
let dataDir: string;
const children = new Set<ChildProcess>();

beforeAll(async () => {
  cloud = await startDemoCloud();
  dataDir = mkdtempSync(join(tmpdir(), 'showroom-outbox-'));
});
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await cloud?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Runs the child until it has issued `stopAfter` more mutations (or drained). */
function runChild(plan: OutboxPlan, issued: Set<number>, stopAfter: number | 'drain') {
  const child = fork(CHILD, [dataDir, cloud.url, AGENT, DEMO_PASSWORD, JSON.stringify(plan)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  children.add(child);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += String(chunk)));
  let reports = 0;
  return new Promise<'killed' | 'drained'>((resolve, reject) => {
    let outcome: 'killed' | 'drained' | null = null;
    const kill = () => {
      outcome = 'killed';
      child.kill('SIGKILL');
    };
    child.on('message', (message: { type: string; k?: number }) => {
      if (outcome) return;
      if (message.type === 'ready' && stopAfter === 0) kill();
      if (message.type === 'issued' && !issued.has(message.k!)) {
        issued.add(message.k!);
        if (++reports === stopAfter) kill();
      }
      if (message.type === 'drained') {
        outcome = 'drained';
        child.send({ type: 'close' });
      }
    });
    child.once('exit', (code) => {
      children.delete(child);
      if (outcome) resolve(outcome);
      else reject(new Error(`the desktop exited by itself (${code}): ${stderr}`));
    });
  });
}

test('200 messages, the desktop killed at random moments: each reaches the cloud once, in order', async () => {
  const agent = DEMO_USERS.find((user) => user.email === AGENT)!;
  const [me] = await cloud.db.query<{ row: User }>('SELECT row FROM users WHERE id = $1', [
    agent.id,
  ]);
  const leads = await cloud.db.query<{ row: Lead }>(
    `SELECT row FROM leads WHERE store_id = $1 AND NOT deleted AND row ->> 'status' <> 'dead'
       AND NOT (row ->> 'optedOut')::boolean AND jsonb_array_length(row -> 'phones') > 0
     ORDER BY id LIMIT ${LEADS}`,
    [me!.row.storeIds[0]],
  );
  expect(leads).toHaveLength(LEADS);
  const plan: OutboxPlan = { leadIds: [], messageIds: [] };
  for (let k = 0; k < MESSAGES; k++) {
    plan.leadIds.push(leads[k % LEADS]!.row.id);
    plan.messageIds.push(uuidv5(`outbox-durability ${SEED} ${k}`, uuidv5.URL));
  }

  const rng = new Rng(SEED);
  const issued = new Set<number>();
  let kills = 0;
  while (issued.size < MESSAGES) {
    // 0: killed as soon as it starts (often during sign-in or the first sync).
    await runChild(plan, issued, rng.int(0, 40));
    kills++;
  }
  expect(kills).toBeGreaterThan(3);
  expect(await runChild(plan, issued, 'drain')).toBe('drained');

  const stored = await cloud.db.query<{ id: string; lead_id: string; body: string }>(
    `SELECT id, lead_id, row ->> 'body' AS body FROM messages
     WHERE id = ANY($1::text[]) AND NOT deleted ORDER BY version`,
    [plan.messageIds],
  );
  expect(stored).toHaveLength(MESSAGES);
  const bodies = await cloud.db.query<{ body: string; copies: number }>(
    `SELECT row ->> 'body' AS body, count(*)::int AS copies FROM messages
     WHERE lead_id = ANY($1::text[]) AND row ->> 'body' LIKE 'message %' GROUP BY 1`,
    [leads.map((lead) => lead.row.id)],
  );
  expect(bodies.every((row) => row.copies === 1)).toBe(true);
  expect(bodies).toHaveLength(MESSAGES);
  for (const lead of leads) {
    const order = stored
      .filter((message) => message.lead_id === lead.row.id)
      .map((message) => Number(message.body.replace('message ', '')));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  }
  const receipts = await cloud.db.query<{ status: string; count: number }>(
    `SELECT result ->> 'status' AS status, count(*)::int AS count FROM mutation_receipts
     WHERE user_id = $1 AND name = 'sendMessage' GROUP BY 1`,
    [agent.id],
  );
  expect(receipts).toEqual([{ status: 'ok', count: MESSAGES }]);
});
