import { describe, expect, it } from 'vitest';
import type { Store, SyncChange, User } from '../../../src-shared';
import { NO_CRM, storeContacts, type StoreCrm } from '../../../src-shared/domain/store-contacts';
import { EFFECTS, LocalRefusal, type Rows } from '../../../src-main/sync/effects';
import { lead, noRows, NOW } from './fixture';

const me = { id: 'user-2', name: 'Agent Two', tenantId: 'tenant-1' } as User;
const context = { me, now: NOW, mutationId: 'm-1' };

function rows(crm: Partial<StoreCrm>, onResponseEmails: string[] = []): Rows {
  const store = {
    id: 'store-a',
    name: 'Denver Motors',
    crm: { ...NO_CRM, ...crm },
    contacts: storeContacts({ smsNotificationNumber: null, salesLeadEmails: [], onResponseEmails }),
  } as Store;
  const leads = [lead('lead-1', { storeId: 'store-a' })];
  return {
    ...noRows(),
    lead: (id) => leads.find((row) => row.id === id) ?? null,
    store: (id) => (id === store.id ? store : null),
  };
}

const eventsIn = (changes: SyncChange[]) =>
  changes.flatMap((c) => (c.table === 'timeline_events' && c.op === 'upsert' ? [c.row] : []));

describe('Send to CRM and Escalate on this PC, before the cloud answers', () => {
  it('the thread shows where the lead went, under the id the cloud will keep', () => {
    const changes = EFFECTS.sendToCrm(
      rows({
        displayOption: 'selection',
        selectionList: [{ name: 'Used', address: 'u@crm.test' }],
      }),
      { leadId: 'lead-1', eventId: 'ev-1', choice: { kind: 'destination', name: 'Used' } },
      context,
    );
    expect(eventsIn(changes)).toEqual([
      expect.objectContaining({ id: 'ev-1', kind: 'crm_send', text: 'Sent to CRM: Used' }),
    ]);
    expect(changes.filter((c) => c.table === 'leads')).toEqual([]);
  });

  it('a suppression is logged; a store without an address is refused here first', () => {
    const suppressed = EFFECTS.sendToCrm(
      rows({ displayOption: 'suppression', xmlLeadAddress: 'x@crm.test' }),
      { leadId: 'lead-1', eventId: 'ev-2', choice: { kind: 'doNotSend' } },
      context,
    );
    expect(eventsIn(suppressed)[0]?.text).toBe('Not sent to CRM: "Do not send" was checked');
    expect(() =>
      EFFECTS.sendToCrm(
        rows({ displayOption: 'none' }),
        { leadId: 'lead-1', eventId: 'ev-3', choice: { kind: 'send' } },
        context,
      ),
    ).toThrow(/XML lead address/);
  });

  it('Escalate needs an on-response address', () => {
    const args = { leadId: 'lead-1', eventId: 'ev-4', note: 'Call her' };
    expect(() => EFFECTS.escalate(rows({}), args, context)).toThrow(LocalRefusal);
    const changes = EFFECTS.escalate(rows({}, ['gm@denver.test']), args, context);
    expect(eventsIn(changes)).toEqual([
      expect.objectContaining({
        id: 'ev-4',
        kind: 'escalation',
        text: 'Escalated to gm@denver.test: Call her',
      }),
    ]);
  });
});
