import type { Lead } from '../../src-shared/domain/lead';
import type { SyncRow, SyncTable } from '../../src-shared/sync/changes';
import { canSeeStore } from '../accounts/auth-context';
import type { MutationContext } from './context';
import { reject } from './rejection';

/**
 * Loads a row the caller may see, by id, within their tenant. A row that does not exist, is of
 * another tenant, or is in a store they do not work is the same `not_found`: ids from elsewhere
 * learn nothing. No row locks: every mutation already holds its tenant's clock row, so the
 * mutations of one tenant run one at a time.
 */
export async function loadRow<T extends SyncTable>(
  ctx: MutationContext,
  table: T,
  id: string,
  what: string = table.replace(/s$/, '').replace('_', ' '),
): Promise<SyncRow<T>> {
  const [found] = await ctx.tx.query<{
    row: SyncRow<T>;
    store_id: string | null;
    owner_user_id: string | null;
  }>(
    `SELECT row, store_id, owner_user_id FROM ${table}
     WHERE tenant_id = $1 AND id = $2 AND NOT deleted`,
    [ctx.auth.tenantId, id],
  );
  const visible =
    found &&
    (found.store_id === null || canSeeStore(ctx.auth, found.store_id)) &&
    (found.owner_user_id === null || found.owner_user_id === ctx.auth.userId);
  if (!visible) reject('not_found', `${what} ${id} not found`);
  return found.row;
}

export const loadLead = (ctx: MutationContext, leadId: string): Promise<Lead> =>
  loadRow(ctx, 'leads', leadId, 'lead');

/** The ids of `table` among `ids` that do not exist in the caller's tenant. */
export async function missingIds(
  ctx: MutationContext,
  table: SyncTable,
  ids: readonly string[],
): Promise<string[]> {
  if (ids.length === 0) return [];
  const found = await ctx.tx.query<{ id: string }>(
    `SELECT id FROM ${table} WHERE tenant_id = $1 AND id = ANY($2::text[]) AND NOT deleted`,
    [ctx.auth.tenantId, ids],
  );
  const known = new Set(found.map((row) => row.id));
  return ids.filter((id) => !known.has(id));
}

export async function requireIds(
  ctx: MutationContext,
  table: SyncTable,
  ids: readonly string[],
  what: string,
): Promise<void> {
  const missing = await missingIds(ctx, table, ids);
  if (missing.length > 0) reject('not_found', `${what} not found: ${missing.join(', ')}`);
}

/** Inserts a row with a client-minted id, refusing an id that is already taken. */
export async function insertNew<T extends SyncTable>(
  ctx: MutationContext,
  table: T,
  row: SyncRow<T>,
): Promise<void> {
  if (!(await ctx.write.insert(table, row))) {
    reject('conflict', `id ${row.id} is already used by another row`);
  }
}

export function isDead(lead: Lead): boolean {
  return lead.status === 'dead' || lead.optedOut;
}

/** Saves the lead with `changes`, stamping updatedAt; nothing is written when nothing changes. */
export async function saveLead(
  ctx: MutationContext,
  lead: Lead,
  changes: Partial<Lead>,
): Promise<Lead> {
  const changed = (Object.keys(changes) as (keyof Lead)[]).some(
    (key) => JSON.stringify(lead[key]) !== JSON.stringify(changes[key]),
  );
  if (!changed) return lead;
  const next: Lead = { ...lead, ...changes, updatedAt: ctx.now };
  await ctx.write.update('leads', next);
  return next;
}
