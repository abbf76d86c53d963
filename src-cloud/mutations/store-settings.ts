import { withDefaultAddress } from '../../src-shared/contact-settings/default-address';
import { storeSettingsProblem } from '../../src-shared/contact-settings/settings-rules';
import type { MutationArgs } from '../../src-shared/sync/mutations';
import type { MutationContext } from './context';
import { reject } from './rejection';
import { loadRow } from './rows';

/**
 * Saves a store's contact settings (seed 002) whole. The arguments are already checked against
 * the store-contacts schemas; here the store must be one the manager works (an admin: any of the
 * tenant's), the rules the schemas cannot say hold, and a blank sales-lead or transcript list
 * takes the default address.
 */
export async function updateStoreSettings(
  ctx: MutationContext,
  args: MutationArgs<'updateStoreSettings'>,
) {
  const store = await loadRow(ctx, 'stores', args.storeId, 'store');
  if (ctx.auth.role !== 'admin' && !ctx.auth.storeIds.includes(store.id)) {
    reject('forbidden', `only an admin or a manager of ${store.name} can change its settings`);
  }
  const settings = {
    contacts: withDefaultAddress(args.contacts),
    crm: args.crm,
    dispositions: args.dispositions,
  };
  const problem = storeSettingsProblem(settings);
  if (problem) reject('invalid_settings', problem);
  const next = { ...store, ...settings };
  if (JSON.stringify(next) === JSON.stringify(store)) return;
  await ctx.write.update('stores', next);
}
