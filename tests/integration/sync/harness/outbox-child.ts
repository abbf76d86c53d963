/**
 * A desktop core in its own process, for the outbox durability test (outbox-durability.test.ts):
 * `node --import tsx outbox-child.ts <dataDir> <cloudUrl> <email> <password> <plan.json>`.
 * It signs in (or resumes its stored session), then issues the plan's sendMessage mutations in
 * order, skipping those already in its replica, and tells the parent over IPC:
 * `{type:'ready'}`, `{type:'issued', k}` once mutation k's transaction has committed, and
 * `{type:'drained'}` when every one of them has left the outbox. `{type:'close'}` closes it.
 */
import type { ConsoleCore } from '../../../../src-main/core';
import { createConsoleCore } from '../../../../src-main/core';
import { createNodePorts } from '../../../../src-main/host-node/adapters';
import type { ApiResult, ConnectionState, ThreadPage } from '../../../../src-shared';
import { FAST_BACKOFF } from './desktop';

export interface OutboxPlan {
  /** Mutation k sends message `messageIds[k]` to lead `leadIds[k]`. */
  leadIds: string[];
  messageIds: string[];
}

const [dataDir, cloudUrl, email, password, planJson] = process.argv.slice(2);
if (!dataDir || !cloudUrl || !email || !password || !planJson) {
  throw new Error('usage: outbox-child.ts <dataDir> <cloudUrl> <email> <password> <plan.json>');
}
const plan = JSON.parse(planJson) as OutboxPlan;
const send = (message: object) => process.send?.(message);

async function value<T>(answer: Promise<ApiResult<unknown>>): Promise<T> {
  const result = await answer;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

async function main(): Promise<void> {
  const core = createConsoleCore({
    ports: createNodePorts(dataDir!, () => undefined),
    dataDir: dataDir!,
    log: (entry) => process.stderr.write(`${entry.level} ${entry.what} ${entry.detail ?? ''}\n`),
    sync: { backoff: FAST_BACKOFF },
  });
  process.on('message', (message: { type?: string }) => {
    if (message.type === 'close') void core.close().then(() => process.exit(0));
  });
  send({ type: 'ready' });
  const state = await value<ConnectionState>(core.call('getConnection', {}));
  if (state.state === 'signed_out') {
    await value(core.call('signIn', { cloudUrl: cloudUrl!, email: email!, password: password! }));
  }
  await untilLeadsArrived(core, plan.leadIds);
  for (let k = 0; k < plan.messageIds.length; k++) {
    const leadId = plan.leadIds[k]!;
    const messageId = plan.messageIds[k]!;
    if (!(await isInReplica(core, leadId, messageId))) {
      const args = {
        leadId,
        messageId,
        channel: 'sms',
        body: `message ${k}`,
        media: [],
        scheduledAt: null,
      };
      await value(core.call('mutate', { name: 'sendMessage', args }));
    }
    send({ type: 'issued', k });
    // Let the sync engine run between mutations, so that kills land during pushes too.
    await new Promise((resolve) => setImmediate(resolve));
  }
  await new Promise<void>((resolve) => {
    const check = (state: ConnectionState) => state.pendingMutations === 0 && resolve();
    core.on('connectionChanged', check);
    void value<ConnectionState>(core.call('getConnection', {})).then(check);
  });
  send({ type: 'drained' });
}

/** A person clicks a lead once it shows: after the first sync. */
async function untilLeadsArrived(core: ConsoleCore, leadIds: string[]): Promise<void> {
  const arrived = async () => {
    for (const leadId of new Set(leadIds)) {
      if (!(await core.call('getLead', { leadId })).ok) return false;
    }
    return true;
  };
  if (await arrived()) return;
  await new Promise<void>((resolve) => {
    core.on('replicaChanged', () => void arrived().then((yes) => yes && resolve()));
  });
}

async function isInReplica(core: ConsoleCore, leadId: string, messageId: string) {
  const thread = await value<ThreadPage>(
    core.call('getThread', { leadId, before: null, limit: 500 }),
  );
  return thread.items.some((item) => item.kind === 'message' && item.message.id === messageId);
}

main().catch((error: unknown) => {
  process.stderr.write(`outbox child failed: ${(error as Error).stack}\n`);
  process.exit(1);
});
