import type { Store } from '../../src-shared/domain/tenant';
import type { User } from '../../src-shared/domain/user';

/** Contact settings are for those who run a store: managers and admins, never agents. */
export function canEditStoreSettings(role: User['role'] | undefined): boolean {
  switch (role) {
    case 'manager':
    case 'admin':
      return true;
    case 'agent':
    case undefined:
      return false;
  }
}

/** The stores whose settings `me` may change, as the cloud rules: an admin all, a manager theirs. */
export function editableStores(me: User | undefined, stores: readonly Store[]): Store[] {
  if (!me || !canEditStoreSettings(me.role)) return [];
  if (me.role === 'admin') return [...stores];
  return stores.filter((store) => me.storeIds.includes(store.id));
}
