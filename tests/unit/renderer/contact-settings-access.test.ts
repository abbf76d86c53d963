import { describe, expect, it } from 'vitest';
import {
  canEditStoreSettings,
  editableStores,
} from '../../../src-renderer/contact-settings/can-edit-store-settings';
import type { Store } from '../../../src-shared/domain/tenant';
import type { User } from '../../../src-shared/domain/user';

const stores = [{ id: 'north' }, { id: 'south' }] as Store[];
const user = (role: User['role'], storeIds: string[]) => ({ role, storeIds }) as User;

describe('who gets the contact settings screen', () => {
  it('managers and admins; never agents, nor nobody', () => {
    expect(canEditStoreSettings('manager')).toBe(true);
    expect(canEditStoreSettings('admin')).toBe(true);
    expect(canEditStoreSettings('agent')).toBe(false);
    expect(canEditStoreSettings(undefined)).toBe(false);
  });

  it('a manager picks among their own stores, an admin among all (as the cloud rules)', () => {
    expect(editableStores(user('manager', ['south']), stores).map((s) => s.id)).toEqual(['south']);
    expect(editableStores(user('admin', []), stores).map((s) => s.id)).toEqual(['north', 'south']);
    expect(editableStores(user('agent', ['north']), stores)).toEqual([]);
    expect(editableStores(undefined, stores)).toEqual([]);
  });
});
