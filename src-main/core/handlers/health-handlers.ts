import { ok } from '../../../src-shared';
import type { HandlerTable } from './handler';

/** These answer even when the replica is unhealthy: they are the way out of that state. */
export const healthHandlers: Pick<HandlerTable, 'getReplicaHealth' | 'resetLocalCache'> = {
  getReplicaHealth: (_args, { health }) => ok(health()),

  resetLocalCache: async (_args, { resetLocalCache }) => ok(await resetLocalCache()),
};
