import { withDefaultAddress } from '../../../src-shared/contact-settings/default-address';
import { storeSettingsProblem } from '../../../src-shared/contact-settings/settings-rules';
import { LocalRefusal, type Effect } from './effect';

/** The store's settings replaced at once, with the default address rule the cloud applies. */
export const updateStoreSettings: Effect<'updateStoreSettings'> = (rows, args, { me }) => {
  const store = rows.store(args.storeId);
  if (!store) throw new LocalRefusal('not_found', `Store ${args.storeId} is not on this PC.`);
  // The cloud's rule, checked first for a clearer message: a manager changes their own stores.
  if (me.role !== 'admin' && !me.storeIds.includes(store.id)) {
    throw new LocalRefusal(
      'forbidden',
      `Only an admin or a manager of ${store.name} can change its settings.`,
    );
  }
  const settings = {
    contacts: withDefaultAddress(args.contacts),
    crm: args.crm,
    dispositions: args.dispositions,
  };
  const problem = storeSettingsProblem(settings);
  if (problem) throw new LocalRefusal('invalid_arguments', `Not saved: ${problem}.`);
  const row = { ...store, ...settings };
  return [{ table: 'stores', op: 'upsert', row }];
};
