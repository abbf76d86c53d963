import { withDefaultAddress } from '../../../src-shared/contact-settings/default-address';
import { LocalRefusal, type Effect } from './effect';

/** The store's settings replaced at once, with the default address rule the cloud applies. */
export const updateStoreSettings: Effect<'updateStoreSettings'> = (rows, args) => {
  const store = rows.store(args.storeId);
  if (!store) throw new LocalRefusal('not_found', `Store ${args.storeId} is not on this PC.`);
  const row = {
    ...store,
    contacts: withDefaultAddress(args.contacts),
    crm: args.crm,
    dispositions: args.dispositions,
  };
  return [{ table: 'stores', op: 'upsert', row }];
};
