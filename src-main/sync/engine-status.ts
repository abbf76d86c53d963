import type { ConnectionReason } from '../../src-shared';
import type { SyncProgress } from './pull';

/** The engine's part of the ConnectionState; the service adds the cloud and the outbox. */
export interface EngineStatus {
  state: 'connecting' | 'online' | 'offline';
  reason: ConnectionReason | null;
  message: string | null;
  syncProgress: SyncProgress | null;
}

/** Something keeping the desktop from being in sync, until the retry it schedules works. */
export interface Problem {
  reason: ConnectionReason | null;
  /** Says what happened; the retry is added when the status is read. */
  message: string;
  retryAt: number;
}

/** The worse of two problems: the one a person must act on first. */
const RANK: Record<ConnectionReason | 'none', number> = {
  credentials: 4,
  version: 3,
  server: 2,
  network: 1,
  none: 0,
};

export function worse(a: Problem | null, b: Problem | null): Problem | null {
  if (!a || !b) return a ?? b;
  return RANK[a.reason ?? 'none'] >= RANK[b.reason ?? 'none'] ? a : b;
}

export function describeStatus(
  facts: {
    problem: Problem | null;
    synced: boolean;
    liveUp: boolean;
    progress: SyncProgress | null;
  },
  now: number,
): EngineStatus {
  const { problem, synced, liveUp, progress } = facts;
  if (problem) {
    const seconds = Math.max(1, Math.round((problem.retryAt - now) / 1000));
    return {
      state: 'offline',
      reason: problem.reason,
      message: `${problem.message} Retrying in ${seconds} s.`,
      syncProgress: progress,
    };
  }
  if (synced && liveUp) return { state: 'online', reason: null, message: null, syncProgress: null };
  return {
    state: 'connecting',
    reason: null,
    message: synced ? 'Connecting for live updates…' : 'Syncing with the cloud…',
    syncProgress: progress,
  };
}
