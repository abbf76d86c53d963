import {
  MUTATIONS,
  type MutationArgs,
  type MutationName,
  type SyncChange,
  type User,
} from '../../../src-shared';
import type { Replica } from '../../replica/replica';
import { EFFECTS, LocalRefusal } from '../effects';
import { replicaRows } from './replica-rows';

export interface PendingMutation {
  mutationId: string;
  name: string;
  args: unknown;
  createdAt: number;
}

/**
 * A mutation's effect on the replica as it is now. Throws LocalRefusal when the rows say the
 * cloud would refuse it (mutate reports that to the user).
 */
export function effectOf(replica: Replica, mutation: PendingMutation, me: User): SyncChange[] {
  const name = mutation.name as MutationName;
  if (!Object.hasOwn(EFFECTS, name)) return []; // a mutation an older desktop queued and dropped
  const effect = EFFECTS[name] as (
    rows: ReturnType<typeof replicaRows>,
    args: MutationArgs<MutationName>,
    context: { me: User; now: number; mutationId: string },
  ) => SyncChange[];
  return effect(replicaRows(replica), mutation.args as MutationArgs<MutationName>, {
    me,
    now: mutation.createdAt,
    mutationId: mutation.mutationId,
  });
}

/**
 * The effect again, on rows that have changed since (a pull landed): what it would have done
 * had the user made it now. When the rows say the cloud will refuse it, it shows nothing until
 * the cloud says so. Arguments that no longer pass their schema show nothing either.
 */
export function effectAgain(replica: Replica, mutation: PendingMutation, me: User): SyncChange[] {
  const name = mutation.name as MutationName;
  if (!Object.hasOwn(MUTATIONS, name)) return [];
  const args = MUTATIONS[name].args.safeParse(mutation.args);
  if (!args.success) return [];
  try {
    return effectOf(replica, { ...mutation, args: args.data }, me);
  } catch (error) {
    if (error instanceof LocalRefusal) return [];
    throw error;
  }
}
