import { v7 as uuidv7 } from 'uuid';
import {
  describeIssues,
  fail,
  MUTATIONS,
  ok,
  ROLES,
  type ApiResult,
  type MutationArgs,
  type MutationName,
  type Role,
  type User,
} from '../../src-shared';
import type { Replica } from '../replica/replica';
import { LocalRefusal } from './effects';
import { effectOf } from './local-effects/compute';
import { undoFor } from './local-effects/undo';

export interface Mutated {
  mutationId: string;
  /** Tables the local effect touched, for replicaChanged. */
  tables: string[];
}

/**
 * A user action (DESIGN §4): checks the arguments against the mutation's schema and the role
 * for a better message than the cloud's, mints its id, and in one transaction shows its effect
 * in the replica and queues it in the outbox, with what undoes the effect should the cloud
 * refuse it. The cloud checks everything again.
 */
export function mutate(
  replica: Replica,
  me: User | null,
  name: MutationName,
  rawArgs: unknown,
  now: number,
): ApiResult<Mutated> {
  const { args: schema, minRole } = MUTATIONS[name];
  const parsed = schema.safeParse(rawArgs);
  if (!parsed.success) return fail('invalid_arguments', `${name}: ${describeIssues(parsed.error)}`);
  if (!me) return fail('not_signed_in', 'Nobody is signed in on this PC yet.');
  if (!hasRole(me.role, minRole)) {
    return fail(
      'forbidden',
      `Only a ${minRole} can do this (${name}); you are signed in as ${withArticle(me.role)}.`,
    );
  }
  const mutation = { mutationId: uuidv7(), name, args: parsed.data as unknown, createdAt: now };
  try {
    const tables = replica.transaction(() => {
      const changes = effectOf(replica, mutation, me);
      const undo = undoFor(replica, changes);
      const touched = changes.length ? replica.applyChanges(changes) : [];
      if (name === 'saveFilters') {
        const { filters } = parsed.data as MutationArgs<'saveFilters'>;
        replica.saveFilters(filters, mutation.mutationId);
        touched.push('saved_filters');
      } else {
        replica.enqueueMutation({
          id: mutation.mutationId,
          name,
          args: mutation.args,
          createdAt: now,
        });
      }
      replica.putLocalEffect({ ...mutation, undo, confirmedVersion: null });
      return [...touched, 'outbox'];
    });
    return ok({ mutationId: mutation.mutationId, tables });
  } catch (error) {
    if (error instanceof LocalRefusal) return fail(error.code, error.message);
    throw error;
  }
}

export function hasRole(role: Role, minRole: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(minRole);
}

function withArticle(role: Role): string {
  return `${role === 'agent' || role === 'admin' ? 'an' : 'a'} ${role}`;
}
