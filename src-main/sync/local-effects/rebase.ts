import { META_KEYS } from '../../replica/local/meta';
import type { LocalEffect, Replica } from '../../replica/replica';
import type { User } from '../../../src-shared';
import { effectAgain } from './compute';
import { undoFor } from './undo';

/**
 * Changes the replica under the user's pending effects without losing them (a pull landing, a
 * rejection), in one transaction: takes every local effect off (newest first), runs `change`,
 * then puts the effects back on the rows as they are now (oldest first), dropping those the
 * cloud has confirmed and a pull has since brought. So what the user typed never flickers away,
 * and a confirmed stand-in row (a timeline event whose id the cloud mints) gives way to the
 * cloud's own. Returns the tables touched.
 */
export function rebase(replica: Replica, me: () => User | null, change: () => string[]): string[] {
  const touched = new Set<string>();
  const add = (tables: string[]) => tables.forEach((table) => touched.add(table));
  replica.transaction(() => {
    const effects = replica.localEffects();
    for (const effect of [...effects].reverse()) add(replica.applyChanges(effect.undo));
    add(change());
    const user = me(); // read after the change: the first pull is what brings the user's row
    const cursor = Number(replica.getMeta(META_KEYS.syncCursor) ?? 0);
    for (const effect of replica.localEffects()) {
      if (effect.confirmedVersion !== null && effect.confirmedVersion <= cursor) {
        replica.deleteLocalEffect(effect.mutationId);
        continue;
      }
      add(reapply(replica, effect, user));
    }
  });
  return [...touched];
}

function reapply(replica: Replica, effect: LocalEffect, me: User | null): string[] {
  const changes = me ? effectAgain(replica, effect, me) : [];
  const undo = undoFor(replica, changes);
  const tables = changes.length ? replica.applyChanges(changes) : [];
  replica.putLocalEffect({ ...effect, undo });
  return tables;
}

/** Runs `change` directly when no effect is pending (the usual case, and the first sync's). */
export function changeUnderEffects(
  replica: Replica,
  me: () => User | null,
  change: () => string[],
): string[] {
  if (replica.localEffects().length === 0) return replica.transaction(change);
  return rebase(replica, me, change);
}

/**
 * Gives every outbox entry that has none a local effect, and shows them all: after a reset
 * (the fresh file kept the outbox, not the effects) or a sign-in that brought back a parked outbox.
 */
export function restoreEffects(replica: Replica, me: () => User | null): string[] {
  return rebase(replica, me, () => {
    const known = new Set(replica.localEffects().map((effect) => effect.mutationId));
    for (const entry of replica.pendingMutations()) {
      if (known.has(entry.id)) continue;
      replica.putLocalEffect({
        mutationId: entry.id,
        name: entry.name,
        args: entry.args,
        createdAt: entry.createdAt,
        undo: [],
        confirmedVersion: null,
      });
    }
    return [];
  });
}
