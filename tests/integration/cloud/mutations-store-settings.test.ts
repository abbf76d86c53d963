import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hashPassword } from '../../../src-cloud/accounts/passwords';
import { loadChanges } from '../../../src-cloud/sync/load-changes';
import { lockTenant } from '../../../src-cloud/sync/tenant-write';
import type { Store } from '../../../src-shared/domain/tenant';
import type { User } from '../../../src-shared/domain/user';
import type { MutationArgs } from '../../../src-shared/sync/mutations';
import { Api } from './harness/api';
import { rowOf, snapshot } from './harness/rows';
import { PASSWORD, seedTenant, type SeededTenant } from './harness/seed';
import { BACKENDS, startTestCloud, type TestCloud } from './harness/test-cloud';

type Settings = MutationArgs<'updateStoreSettings'>;

/** Every field of seed 002 filled in. */
function fullSettings(store: Store): Settings {
  return {
    storeId: store.id,
    contacts: {
      ...store.contacts,
      salesLeadEmails: ['sales@north.example', 'bdc@north.example'],
      transcriptEmails: ['transcripts@north.example'],
      actionExpectedEmails: ['gm@north.example'],
      onResponseEmails: ['desk@north.example'],
      defaultEmail: 'gm@north.example',
      businessContacts: [
        {
          title: 'GM',
          firstName: 'Ana',
          lastName: 'Ruiz',
          email: 'ana@north.example',
          phone: '+13035550199',
          purpose: 'primary',
        },
      ],
      clickToCallNumber: '+13035550111',
      smsNotificationNumber: '+13035550122',
      actionExpectedHour: 6,
    },
    crm: {
      adfWord: 'Web',
      adfWordPosition: 'before',
      xmlLeadAddress: 'adf@crm.example',
      displayOption: 'selection',
      selectionList: [{ name: 'VinSolutions', address: 'leads@vin.example' }],
    },
    dispositions: ['Sold', 'Appointment set', 'Lost'],
  };
}

describe.each(BACKENDS)('store contact settings on $backend', ({ backend, skip }) => {
  let cloud: TestCloud;
  let acme: SeededTenant;
  let manager: Api;
  let admin: Api;
  /** A manager who works store 0 only: store 1's settings are not theirs to change. */
  let northManager: Api;

  beforeAll(async () => {
    if (skip) return;
    cloud = await startTestCloud(backend);
    acme = await seedTenant(cloud.db, 'Acme');
    manager = await new Api(cloud.url).login(acme.manager.email, acme.manager.password);
    admin = await new Api(cloud.url).login(acme.admin.email, acme.admin.password);
    const north: User = {
      ...acme.manager.user,
      id: uuidv7(),
      name: 'North Manager',
      email: `north.manager.${uuidv7().slice(-6)}@acme.test`,
      storeIds: [acme.stores[0].id],
    };
    const hash = await hashPassword(PASSWORD);
    await cloud.db.transaction(async (tx) => {
      await lockTenant(tx, acme.tenantId);
      await loadChanges(tx, acme.tenantId, [{ table: 'users', op: 'upsert', row: north }]);
      await tx.query('UPDATE users SET password_hash = $2 WHERE id = $1', [north.id, hash]);
    });
    northManager = await new Api(cloud.url).login(north.email, PASSWORD);
  });
  afterAll(async () => cloud?.stop());

  test.skipIf(skip)('a manager saves every field and the store row carries it', async () => {
    const settings = fullSettings(acme.stores[0]);
    const { result } = await manager.mutate('updateStoreSettings', settings);
    expect(result?.status).toBe('ok');
    const stored = await rowOf(cloud.db, 'stores', acme.stores[0].id);
    expect(stored).toEqual({
      ...acme.stores[0],
      contacts: settings.contacts,
      crm: settings.crm,
      dispositions: settings.dispositions,
    });
  });

  test.skipIf(skip)('blank sales-lead and transcript lists take the default address', async () => {
    const settings = fullSettings(acme.stores[1]);
    settings.contacts = { ...settings.contacts, salesLeadEmails: [], transcriptEmails: [] };
    expect((await admin.mutate('updateStoreSettings', settings)).result?.status).toBe('ok');
    const stored = await rowOf(cloud.db, 'stores', acme.stores[1].id);
    expect(stored?.contacts.salesLeadEmails).toEqual(['gm@north.example']);
    expect(stored?.contacts.transcriptEmails).toEqual(['gm@north.example']);
    expect(stored?.contacts.actionExpectedEmails).toEqual(['gm@north.example']);
  });

  test.skipIf(skip)('a manager of another store is refused; an admin may', async () => {
    const settings = fullSettings(acme.stores[1]);
    const before = await snapshot(cloud.db, acme.tenantId);
    const { result } = await northManager.mutate('updateStoreSettings', settings);
    expect(result).toMatchObject({ status: 'rejected', code: 'forbidden' });
    expect(await snapshot(cloud.db, acme.tenantId)).toEqual(before);
    const own = await northManager.mutate('updateStoreSettings', fullSettings(acme.stores[0]));
    expect(own.result?.status).toBe('ok');
  });

  test.skipIf(skip)('a bad address in a list is refused by the schema, naming it', async () => {
    const settings = fullSettings(acme.stores[0]);
    const bad = {
      ...settings,
      contacts: { ...settings.contacts, transcriptEmails: ['ok@x.com', 'b@y'] },
    };
    const before = await snapshot(cloud.db, acme.tenantId);
    const answer = await manager.mutate('updateStoreSettings', bad);
    expect(answer.status).toBe(400);
    const refused = answer.body as unknown as { error: { message: string } };
    expect(refused.error.message).toMatch(/transcriptEmails/);
    const noPhone = {
      ...settings,
      contacts: {
        ...settings.contacts,
        businessContacts: [{ ...settings.contacts.businessContacts[0]!, phone: '' }],
      },
    };
    expect((await manager.mutate('updateStoreSettings', noPhone)).status).toBe(400);
    expect(await snapshot(cloud.db, acme.tenantId)).toEqual(before);
  });

  test.skipIf(skip)('rules the schema cannot say are refused by name', async () => {
    const settings = fullSettings(acme.stores[0]);
    const empty = { ...settings, crm: { ...settings.crm, selectionList: [] } };
    const { result } = await manager.mutate('updateStoreSettings', empty);
    expect(result).toMatchObject({
      status: 'rejected',
      code: 'invalid_settings',
      message: 'the CRM selection list needs at least one address to offer',
    });
    const twice = { ...settings, dispositions: ['Sold', 'sold'] };
    const again = await manager.mutate('updateStoreSettings', twice);
    expect(again.result).toMatchObject({ status: 'rejected', code: 'invalid_settings' });
  });
});
