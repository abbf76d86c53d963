import type { SyncChange } from '../../../src-shared';
import {
  DEFAULT_DISPOSITIONS,
  NO_CRM,
  storeContacts,
} from '../../../src-shared/domain/store-contacts';
import { DEFAULT_QUIET_HOURS } from '../../../src-shared/domain/quiet-hours-settings';

/** The fixed part of the test dealer group: ids the tests filter by. */
export const TENANT = 'tenant-1';
export const STORES = ['store-a', 'store-b', 'store-c'];
export const CAMPAIGNS = ['camp-1', 'camp-2', 'camp-3', 'camp-4'];
export const USERS = ['user-1', 'user-2', 'user-3', 'user-4'];
export const LABELS = ['label-vip', 'label-trade', 'label-finance', 'label-spanish'];

/** The tenant, its users, labels, stores and campaigns, as the first batch of a pull. */
export function catalogChanges(): SyncChange[] {
  return [
    { table: 'tenants', op: 'upsert', row: { id: TENANT, name: 'Demo Group' } },
    ...USERS.map((id, i): SyncChange => ({
      table: 'users',
      op: 'upsert',
      row: {
        id,
        tenantId: TENANT,
        name: `Agent ${i + 1}`,
        email: `agent${i + 1}@demo.test`,
        role: i === 0 ? 'manager' : 'agent',
        storeIds: STORES,
        photoUrl: null,
        phone: null,
        extension: '',
        preferences: { forwardLeadCalls: false, copyMeOnEmails: true, playSounds: true },
      },
    })),
    ...LABELS.map((id): SyncChange => ({
      table: 'labels',
      op: 'upsert',
      row: { id, tenantId: TENANT, name: id.replace('label-', ''), color: '#aa3300' },
    })),
    ...STORES.map((id): SyncChange => ({
      table: 'stores',
      op: 'upsert',
      row: {
        id,
        tenantId: TENANT,
        name: `Store ${id.slice(-1).toUpperCase()}`,
        address: { street: '1 Main St', city: 'Denver', state: 'CO', zip: '80202' },
        timeZone: 'America/Denver',
        businessHours: { mon: { open: '09:00', close: '18:00' } },
        mainPhone: null,
        textingNumber: null,
        leadCallsNumber: null,
        links: { directions: null, voucher: null, creditApp: null },
        campaignNotes: '',
        offerTimeoutSeconds: 60,
        contacts: storeContacts({ smsNotificationNumber: null, salesLeadEmails: [] }),
        crm: NO_CRM,
        dispositions: [...DEFAULT_DISPOSITIONS],
        quietHours: DEFAULT_QUIET_HOURS,
      },
    })),
    ...CAMPAIGNS.map((id, i): SyncChange => ({
      table: 'campaigns',
      op: 'upsert',
      row: { id, storeId: STORES[i % STORES.length]!, name: `Campaign ${i + 1}` },
    })),
  ];
}
