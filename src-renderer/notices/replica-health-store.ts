import { create } from 'zustand';
import type { ReplicaHealth } from '../../src-shared/console-api/views';
import { request, whenReplicaUnavailable } from '../api/request';

interface ReplicaHealthState {
  health: ReplicaHealth;
  resetting: boolean;
  set(health: ReplicaHealth): void;
  load(): Promise<void>;
  /** Drops the local cache and resyncs; resolves true when the replica is healthy again. */
  reset(): Promise<boolean>;
}

export const useReplicaHealth = create<ReplicaHealthState>()((set) => ({
  health: { state: 'ok' },
  resetting: false,
  set: (health) => set({ health }),
  load: async () => {
    const health = await request('getReplicaHealth', {}, 'check the local cache');
    if (health) set({ health });
  },
  reset: async () => {
    set({ resetting: true });
    const health = await request('resetLocalCache', {}, 'reset the local cache');
    set(health ? { health, resetting: false } : { resetting: false });
    return health?.state === 'ok';
  },
}));

// A call that failed on the replica means the banner may be missing (an event came before the
// page did): ask for the health again.
whenReplicaUnavailable(() => void useReplicaHealth.getState().load());
