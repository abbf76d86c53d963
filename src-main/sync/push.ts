import type { MutationRejected, MutationResult, User } from '../../src-shared';
import type { OutboxEntry, Replica } from '../replica/replica';
import type { CloudApi } from './cloud-api';
import { CloudError } from './cloud-error';
import { rebase } from './local-effects/rebase';

/** The most the cloud takes in one POST /v1/mutations (PushRequest). */
const BATCH = 100;

export interface PushContext {
  api: CloudApi;
  clientId: string;
  replica(): Replica;
  me(): User | null;
  /** Throws once the engine has stopped: nothing is written after a sign-out. */
  checkRunning(): void;
  replicaChanged(tables: string[]): void;
  rejected(rejection: MutationRejected): void;
  outboxChanged(): void;
}

/**
 * Sends the outbox in order until it is empty. Each entry keeps the id it was minted with, so a
 * resend after a lost answer is a no-op in the cloud. Accepted entries leave the outbox (their
 * effect stays until a pull brings the cloud's rows); rejected ones are undone and reported.
 * A failure to reach the cloud throws (the engine retries later).
 */
export async function pushOutbox(context: PushContext): Promise<void> {
  let batch = BATCH;
  for (;;) {
    const entries = context.replica().pendingMutations().slice(0, batch);
    const first = entries[0];
    if (!first) return;
    const wire = entries.map(({ id, name, args }) => ({ id, name, args }));
    try {
      const answer = await context.api.push(context.clientId, wire);
      context.checkRunning();
      settle(context, entries, answer.results, answer.version);
    } catch (error) {
      context.checkRunning();
      if (!(error instanceof CloudError) || error.problem !== 'refused') {
        const reason = error instanceof Error ? error.message : String(error);
        context.replica().recordMutationAttempt(first.id, reason.slice(0, 500));
        throw error;
      }
      // A malformed batch is refused whole: send one at a time to find the one that can never
      // go through, and give that one up as rejected instead of blocking the rest forever.
      if (entries.length > 1) {
        batch = 1;
        continue;
      }
      const code = error.code ?? 'refused';
      settle(
        context,
        entries,
        [{ id: first.id, status: 'rejected', code, message: error.message }],
        0,
      );
    }
  }
}

function settle(
  context: PushContext,
  entries: readonly OutboxEntry[],
  results: readonly MutationResult[],
  version: number,
): void {
  const replica = context.replica();
  replica.transaction(() => {
    const effects = new Map(replica.localEffects().map((effect) => [effect.mutationId, effect]));
    for (const result of results) {
      if (result.status !== 'ok') continue;
      replica.completeMutation(result.id);
      const effect = effects.get(result.id);
      if (effect) replica.putLocalEffect({ ...effect, confirmedVersion: version });
    }
  });
  const rejected = results.filter((result) => result.status === 'rejected');
  if (rejected.length > 0) {
    const tables = rebase(replica, context.me, () => {
      for (const { id } of rejected) {
        replica.deleteLocalEffect(id);
        replica.completeMutation(id);
      }
      return [];
    });
    context.replicaChanged([...tables, 'outbox']);
    const names = new Map(entries.map((entry) => [entry.id, entry.name]));
    for (const result of rejected) {
      context.rejected({
        mutationId: result.id,
        name: names.get(result.id) ?? '',
        code: result.code,
        message: result.message,
      });
    }
  }
  context.outboxChanged();
}
