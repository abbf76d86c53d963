import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { MUTATIONS, MUTATION_NAMES, type MutationName } from '../../src-shared/sync/mutations';
import type { MutationResult, PushRequest, PushResponse } from '../../src-shared/sync/protocol';
import { hasRole, type AuthContext } from '../accounts/auth-context';
import type { Db, Tx } from '../db/db';
import { describeIssues, HttpError } from '../http/errors';
import { HANDLERS } from '../mutations/handlers';
import { Rejection } from '../mutations/rejection';
import { lockTenant, pokeOnCommit } from './tenant-write';
import { syncWriter } from './writer';

interface CheckedMutation {
  id: string;
  name: MutationName;
  args: unknown;
}

/**
 * POST /v1/mutations. The whole batch is checked first (names, arguments), so a
 * malformed one is a 400 and nothing is applied. Then each mutation runs in its own
 * transaction, in order: a retry answers what was answered before; rules may reject one
 * without stopping the others.
 */
export async function push(
  db: Db,
  auth: AuthContext,
  request: z.infer<typeof PushRequest>,
  now: () => number,
): Promise<PushResponse> {
  const checked = request.mutations.map((mutation, index): CheckedMutation => {
    const where = `mutations[${index}] (${mutation.name} ${mutation.id})`;
    if (!Object.hasOwn(MUTATIONS, mutation.name)) {
      throw new HttpError(
        400,
        'unknown_mutation',
        `${where}: unknown mutation "${mutation.name}"; known: ${MUTATION_NAMES.join(', ')}`,
      );
    }
    const name = mutation.name as MutationName;
    const args = MUTATIONS[name].args.safeParse(mutation.args);
    if (!args.success) {
      throw new HttpError(400, 'invalid_args', `${where}: ${describeIssues(args.error, 'args')}`);
    }
    return { id: mutation.id, name, args: args.data };
  });

  const results: MutationResult[] = [];
  for (const mutation of checked) {
    results.push(
      await db.transaction((tx) => applyOnce(tx, auth, request.clientId, mutation, now())),
    );
  }
  const [tenant] = await db.query<{ clock: number }>('SELECT clock FROM tenants WHERE id = $1', [
    auth.tenantId,
  ]);
  return { results, version: tenant?.clock ?? 0 };
}

async function applyOnce(
  tx: Tx,
  auth: AuthContext,
  clientId: string,
  mutation: CheckedMutation,
  now: number,
): Promise<MutationResult> {
  await lockTenant(tx, auth.tenantId);
  const [receipt] = await tx.query<{ result: MutationResult }>(
    `SELECT result FROM mutation_receipts
     WHERE tenant_id = $1 AND client_id = $2 AND mutation_id = $3`,
    [auth.tenantId, clientId, mutation.id],
  );
  if (receipt) return receipt.result;

  const write = syncWriter(tx, auth.tenantId);
  let result: MutationResult = { id: mutation.id, status: 'ok' };
  const { minRole } = MUTATIONS[mutation.name];
  if (!hasRole(auth.role, minRole)) {
    result = rejected(
      mutation.id,
      'forbidden',
      `${mutation.name} needs the ${minRole} role; you are ${auth.role === 'agent' ? 'an' : 'a'} ${auth.role}`,
    );
  } else {
    await tx.query('SAVEPOINT mutation');
    try {
      const handler = HANDLERS[mutation.name] as (ctx: unknown, args: unknown) => Promise<void>;
      await handler({ tx, auth, now, write, newId: uuidv7 }, mutation.args);
    } catch (error) {
      if (!(error instanceof Rejection)) throw error;
      await tx.query('ROLLBACK TO SAVEPOINT mutation');
      result = rejected(mutation.id, error.code, error.message);
    }
  }
  await tx.query(
    `INSERT INTO mutation_receipts (tenant_id, client_id, mutation_id, user_id, name, result, created_at)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7)`,
    [auth.tenantId, clientId, mutation.id, auth.userId, mutation.name, JSON.stringify(result), now],
  );
  if (result.status === 'ok' && write.wrote) await pokeOnCommit(tx, auth.tenantId);
  return result;
}

function rejected(id: string, code: string, message: string): MutationResult {
  return { id, status: 'rejected', code, message };
}
