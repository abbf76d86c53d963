import type { Setting } from '../../src-shared/domain/settings';
import { UNASSIGNED } from '../../src-shared/folders/filters';
import type { MutationArgs } from '../../src-shared/sync/mutations';
import { canSeeStore } from '../accounts/auth-context';
import type { MutationContext } from './context';
import { reject } from './rejection';
import { requireIds } from './rows';

/** The settings key under which a user's queue filters are kept (scope: that user). */
export const SAVED_FILTERS_KEY = 'queue.filters';

/** Saves the caller's sidebar filters; every id in them must be one they may see. */
export async function saveFilters(ctx: MutationContext, args: MutationArgs<'saveFilters'>) {
  const { filters } = args;
  const hidden = filters.storeIds.filter((id) => !canSeeStore(ctx.auth, id));
  if (hidden.length > 0) reject('not_found', `stores not found: ${hidden.join(', ')}`);
  await requireIds(ctx, 'stores', filters.storeIds, 'stores');
  await requireIds(ctx, 'campaigns', filters.campaignIds, 'campaigns');
  await requireIds(ctx, 'labels', filters.labelIds, 'labels');
  const assignees = filters.assigneeIds.filter((id) => id !== UNASSIGNED);
  await requireIds(ctx, 'users', assignees, 'users');

  const [existing] = await ctx.tx.query<{ row: Setting }>(
    `SELECT row FROM settings WHERE tenant_id = $1 AND NOT deleted AND row ->> 'scope' = 'user'
       AND row ->> 'scopeId' = $2 AND row ->> 'key' = $3`,
    [ctx.auth.tenantId, ctx.auth.userId, SAVED_FILTERS_KEY],
  );
  const setting: Setting = {
    id: existing?.row.id ?? ctx.newId(),
    tenantId: ctx.auth.tenantId,
    scope: 'user',
    scopeId: ctx.auth.userId,
    key: SAVED_FILTERS_KEY,
    value: filters,
  };
  if (existing) await ctx.write.update('settings', setting);
  else await ctx.write.insert('settings', setting);
}
