import type { ReplicaHealth } from '../../src-shared';

export type UnhealthyReplica = Exclude<ReplicaHealth, { state: 'ok' }>;

/** The words of the button the renderer shows; every unhealthy message offers it. */
export const RESET_ACTION = 'Reset local cache and resync';

/** A message a person can act on, whatever the replica reported. */
export function unhealthy(
  state: UnhealthyReplica['state'],
  pendingMutations: number,
): UnhealthyReplica {
  const kept =
    pendingMutations === 0
      ? ''
      : ` Your ${pendingMutations} unsent change${pendingMutations === 1 ? ' is' : 's are'} kept and sent afterwards.`;
  const message =
    state === 'corrupt'
      ? `The local cache on this PC is damaged. Choose "${RESET_ACTION}" to rebuild it from the cloud.${kept}`
      : `The local cache on this PC was written by a newer version of Showroom. Update Showroom, or choose "${RESET_ACTION}" to rebuild it for this version.${kept}`;
  return { state, message, pendingMutations };
}

/** Thrown inside a handler that needs the replica while it is unhealthy. */
export class ReplicaUnavailableError extends Error {
  constructor(readonly health: UnhealthyReplica) {
    super(`replica unavailable: ${health.state}`);
    this.name = 'ReplicaUnavailableError';
  }
}
