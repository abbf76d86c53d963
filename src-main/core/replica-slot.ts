import type { ReplicaHealth } from '../../src-shared';
import { isCorruptionError, openReplica, resetReplica } from '../replica/open';
import type { Replica } from '../replica/replica';
import { describeError, type CoreLog } from './log';
import { ReplicaUnavailableError, unhealthy } from './replica-health';

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

  function markCorrupt(): ReplicaHealth {
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
    health = unhealthy('corrupt', pending);
    return health;
  }

  function open(): void {
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
      const reported = opened.health;
      const state = reported.state === 'newer_version' ? 'newer_version' : 'corrupt';
      const pending = 'pendingMutations' in reported ? reported.pendingMutations : 0;
      log({ level: 'warn', what: `replica unavailable on open: ${state}` });
      replica = null;
      health = unhealthy(state, pending);
      return;
    }
    replica = opened.replica;
    health = { state: 'ok' };
    if (!afterOpen) return;
    try {
      afterOpen(replica);
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

    /** Throws the cache away (the outbox survives, see resetReplica) and opens a fresh one. */
    async reset(): Promise<ReplicaHealth> {
      if (replica) closeQuietly(replica);
      replica = null;
      await resetReplica(file);
      open();
      return health;
    },

    close(): void {
      if (replica) closeQuietly(replica);
      replica = null;
    },
  };
}

export type ReplicaSlot = ReturnType<typeof createReplicaSlot>;
