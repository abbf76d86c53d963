import { describe, expect, it } from 'vitest';
import type { Store, User } from '../../../src-shared';
import { EFFECTS, LocalRefusal, type Rows } from '../../../src-main/sync/effects';
import {
  DEFAULT_DISPOSITIONS,
  NO_CRM,
  storeContacts,
} from '../../../src-shared/domain/store-contacts';
import { noRows } from './fixture';

const me = { id: 'manager-1', role: 'manager', storeIds: ['store-a'] } as User;
const context = { me, now: 1_000, mutationId: 'm-1' };

const store = {
  id: 'store-a',
  name: 'North',
  contacts: storeContacts({ smsNotificationNumber: null, salesLeadEmails: ['old@x.com'] }),
  crm: NO_CRM,
  dispositions: [...DEFAULT_DISPOSITIONS],
} as Store;

const rows: Rows = { ...noRows(), store: (id) => (id === store.id ? store : null) };

describe('saving a store’s contact settings on this PC', () => {
  it('shows the new settings at once, blank lists taking the default address', () => {
    const contacts = storeContacts({
      smsNotificationNumber: '+13035550122',
      salesLeadEmails: [],
      defaultEmail: 'gm@x.com',
    });
    const crm = { ...NO_CRM, adfWord: 'Web' };
    const changes = EFFECTS.updateStoreSettings(
      rows,
      { storeId: 'store-a', contacts, crm, dispositions: ['Sold'] },
      context,
    );
    expect(changes).toEqual([
      {
        table: 'stores',
        op: 'upsert',
        row: {
          ...store,
          contacts: { ...contacts, salesLeadEmails: ['gm@x.com'], transcriptEmails: ['gm@x.com'] },
          crm,
          dispositions: ['Sold'],
        },
      },
    ]);
  });

  it('a store not on this PC is refused before anything is queued', () => {
    expect(() =>
      EFFECTS.updateStoreSettings(
        rows,
        { storeId: 'elsewhere', contacts: store.contacts, crm: NO_CRM, dispositions: [] },
        context,
      ),
    ).toThrow(LocalRefusal);
  });

  it('a manager of other stores is told at once that only its managers may', () => {
    const elsewhere = { ...context, me: { ...me, storeIds: ['store-b'] } };
    const args = { storeId: 'store-a', contacts: store.contacts, crm: NO_CRM, dispositions: [] };
    expect(() => EFFECTS.updateStoreSettings(rows, args, elsewhere)).toThrow(
      'Only an admin or a manager of North can change its settings.',
    );
    const admin = { ...context, me: { ...me, role: 'admin' as const, storeIds: [] } };
    expect(EFFECTS.updateStoreSettings(rows, args, admin)).toHaveLength(1);
  });

  it('a rule the cloud would refuse is refused here first, by name', () => {
    const crm = { ...NO_CRM, displayOption: 'selection' as const };
    const args = { storeId: 'store-a', contacts: store.contacts, crm, dispositions: [] };
    expect(() => EFFECTS.updateStoreSettings(rows, args, context)).toThrow(
      'Not saved: the CRM selection list needs at least one address to offer.',
    );
  });
});
