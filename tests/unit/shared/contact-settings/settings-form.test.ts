import { describe, expect, test } from 'vitest';
import {
  draftOf,
  parseContactSettings,
  type ContactSettingsDraft,
} from '../../../../src-shared/contact-settings/settings-form';
import { storeSettingsProblem } from '../../../../src-shared/contact-settings/settings-rules';
import {
  DEFAULT_DISPOSITIONS,
  NO_CRM,
  storeContacts,
} from '../../../../src-shared/domain/store-contacts';

const SAVED = {
  contacts: storeContacts({
    smsNotificationNumber: '+13035550100',
    salesLeadEmails: ['sales@dealer.com', 'bdc@dealer.com'],
    clickToCallNumber: '+13035550111',
    actionExpectedHour: 7,
  }),
  crm: NO_CRM,
  dispositions: [...DEFAULT_DISPOSITIONS],
};

function draft(changes: Partial<ContactSettingsDraft> = {}): ContactSettingsDraft {
  return { ...draftOf(SAVED), ...changes };
}

describe('the contact settings form', () => {
  test('the saved settings read back unchanged', () => {
    const read = parseContactSettings(draft());
    expect(read).toEqual({ ok: true, value: SAVED });
  });

  test('shows the saved numbers formatted and the lists with "; "', () => {
    const shown = draft();
    expect(shown.salesLeadEmails).toBe('sales@dealer.com; bdc@dealer.com');
    expect(shown.smsNotificationNumber).toBe('(303) 555-0100');
    expect(shown.actionExpectedHour).toBe('7');
  });

  test('every bad field is named at once; nothing is read', () => {
    const read = parseContactSettings(
      draft({
        transcriptEmails: 'ok@dealer.com; oops@',
        defaultEmail: 'nobody',
        xmlLeadAddress: 'crm at dealer',
        adfWord: 'w'.repeat(41),
        clickToCallNumber: '12',
        actionExpectedHour: '24',
        businessContacts: [
          {
            title: '',
            firstName: 'Ana',
            lastName: '',
            email: '',
            phone: '',
            purpose: 'primary',
          },
        ],
        selectionList: [{ name: '', address: 'x@y.com' }],
        dispositions: ['Sold', ' '],
      }),
    );
    expect(read.ok).toBe(false);
    expect(!read.ok && read.errors).toEqual({
      transcriptEmails: 'oops@ is not an email address',
      defaultEmail: 'nobody is not an email address',
      xmlLeadAddress: 'crm at dealer is not an email address',
      adfWord: 'the ADF word is longer than 40 characters (41)',
      clickToCallNumber: 'Click-to-call number: 12 is not a phone number',
      actionExpectedHour: 'the report hour must be a whole hour from 0 to 23, not “24”',
      'businessContacts.0.email': 'Email is required',
      'businessContacts.0.phone': 'Phone is required',
      'selectionList.0.name': 'Display name is required',
      'dispositions.1': 'Disposition 2 is empty',
    });
  });

  test('a blank sales-lead or transcript list takes the default address', () => {
    const read = parseContactSettings(
      draft({ salesLeadEmails: '', transcriptEmails: '', defaultEmail: 'gm@dealer.com' }),
    );
    expect(read.ok && read.value.contacts.salesLeadEmails).toEqual(['gm@dealer.com']);
    expect(read.ok && read.value.contacts.transcriptEmails).toEqual(['gm@dealer.com']);
  });

  test('a selection list with nothing to offer is refused', () => {
    const read = parseContactSettings(draft({ displayOption: 'selection', selectionList: [] }));
    expect(read).toEqual({
      ok: false,
      errors: { form: 'the CRM selection list needs at least one address to offer' },
    });
  });

  test('every field filled is read into the stored shape', () => {
    const read = parseContactSettings(
      draft({
        actionExpectedEmails: 'gm@dealer.com',
        onResponseEmails: 'desk@dealer.com',
        adfWord: 'Web',
        adfWordPosition: 'before',
        xmlLeadAddress: 'adf@crm.example',
        displayOption: 'selection',
        selectionList: [{ name: 'VinSolutions', address: 'leads@vin.example' }],
        dispositions: ['Sold', 'Lost'],
        smsNotificationNumber: '',
        actionExpectedHour: '0',
      }),
    );
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.crm).toEqual({
      adfWord: 'Web',
      adfWordPosition: 'before',
      xmlLeadAddress: 'adf@crm.example',
      displayOption: 'selection',
      selectionList: [{ name: 'VinSolutions', address: 'leads@vin.example' }],
    });
    expect(read.value.contacts.smsNotificationNumber).toBeNull();
    expect(read.value.contacts.actionExpectedHour).toBe(0);
    expect(read.value.contacts.onResponseEmails).toEqual(['desk@dealer.com']);
    expect(read.value.dispositions).toEqual(['Sold', 'Lost']);
  });
});

describe('the rules the cloud checks on every save', () => {
  test('a selection list may not name an entry twice or take "Do Not Send"', () => {
    const twice = {
      ...SAVED,
      crm: {
        ...NO_CRM,
        displayOption: 'selection' as const,
        selectionList: [
          { name: 'CRM', address: 'a@x.com' },
          { name: 'crm', address: 'b@x.com' },
        ],
      },
    };
    expect(storeSettingsProblem(twice)).toBe('the CRM selection list names “crm” twice');
    const reserved = {
      ...SAVED,
      crm: { ...NO_CRM, selectionList: [{ name: 'Do Not Send', address: 'a@x.com' }] },
    };
    expect(storeSettingsProblem(reserved)).toMatch(/always in the CRM selection list/);
  });

  test('a disposition may not be listed twice', () => {
    expect(storeSettingsProblem({ ...SAVED, dispositions: ['Sold', 'SOLD'] })).toBe(
      'the disposition “SOLD” is listed twice',
    );
    expect(storeSettingsProblem(SAVED)).toBeNull();
  });
});
