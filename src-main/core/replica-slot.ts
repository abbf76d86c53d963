import { rmSync } from 'node:fs';
import type { ReplicaHealth } from '../../src-shared';
import { isCorruptionError, openReplica, resetReplica } from '../replica/open';
import type { Replica } from '../replica/replica';
import { describeError, type CoreLog } from './log';
import { ReplicaUnavailableError, unhealthy, type UnhealthyReplica } from './replica-health';

export interface ReplicaSlotOptions {
  file: string;
  /** Runs after each healthy open: fills an empty replica with the demo dealer group. */
  afterOpen?: (replica: Replica) => void;
  log: CoreLog;
}

/**
 * The replica the core answers from, or the reason there is none. A corrupt or too-new file is
 * not an exception to the app: it is a state the renderer shows, with a way out (reset).
 */
export function createReplicaSlot({ file, afterOpen, log }: ReplicaSlotOptions) {
  let replica: Replica | null = null;
  let health: ReplicaHealth = { state: 'ok' };

  function markCorrupt(): UnhealthyReplica {
    let pending = 0;
    if (replica) {
      // Best effort: a damaged file may not even answer this.
      try {
        pending = replica.pendingMutations().length;
      } catch {
        pending = 0;
      }
      closeQuietly(replica);
    }
    replica = null;
    const damaged = unhealthy('corrupt', pending);
    health = damaged;
    return damaged;
  }

  function open(fill = true): void {
    let opened: ReturnType<typeof openReplica>;
    try {
      opened = openReplica(file);
    } catch (error) {
      if (!isCorruptionError(error)) throw error;
      log({ level: 'warn', what: 'replica corrupt on open', detail: describeError(error) });
      markCorrupt();
      return;
    }
    if (!opened.ok) {
      const { state, message, pendingMutations } = opened.health;
      log({ level: 'warn', what: `replica unavailable on open: ${state}`, detail: message });
      replica = null;
      // Our own wording: the person needs the way out, the file path and detail go to the log.
      health = unhealthy(state, pendingMutations);
      return;
    }
    adopt(opened.replica, fill);
  }

  function adopt(fresh: Replica, fill = true): void {
    replica = fresh;
    health = { state: 'ok' };
    if (!afterOpen || !fill) return;
    try {
      afterOpen(fresh);
    } catch (error) {
      if (isCorruptionError(error)) markCorrupt();
      log({ level: 'error', what: 'filling the replica failed', detail: describeError(error) });
    }
  }

  function closeQuietly(target: Replica): void {
    try {
      target.close();
    } catch (error) {
      log({ level: 'warn', what: 'closing the replica failed', detail: describeError(error) });
    }
  }

  open();

  return {
    health: (): ReplicaHealth => health,

    /** The open replica; throws ReplicaUnavailableError while it is unhealthy. */
    require(): Replica {
      if (replica) return replica;
      if (health.state === 'ok') throw new Error('replica is closed');
      throw new ReplicaUnavailableError(health);
    },

    markCorrupt,

    /** Moves the cache aside and starts a fresh one; the outbox and sign-in survive (resetReplica). */
    reset(): ReplicaHealth {
      if (replica) closeQuietly(replica);
      replica = null;
      let reset: ReturnType<typeof resetReplica>;
      try {
        reset = resetReplica(file);
      } catch (error) {
        open(); // whatever state the file is in now, report that rather than "closed"
        throw error;
      }
      log({
        level: 'warn',
        what: 'replica reset',
        detail: `kept ${reset.keptMutations} unsent changes; old file at ${reset.movedTo ?? '(none)'}`,
      });
      adopt(reset.replica);
      return health;
    },

    /**
     * Deletes the replica, outbox and all, and opens an empty one (unfilled): another user signs
     * in, and nothing of the previous one may stay on disk.
     */
    wipe(): ReplicaHealth {
      if (replica) closeQuietly(replica);
      replica = null;
      for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
      open(false);
      return health;
    },

    close(): void {
      if (replica) closeQuietly(replica);
      replica = null;
    },
  };
}

export type ReplicaSlot = ReturnType<typeof createReplicaSlot>;
