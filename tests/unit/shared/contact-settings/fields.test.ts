import { describe, expect, test } from 'vitest';
import {
  blankBusinessContact,
  parseBusinessContact,
} from '../../../../src-shared/contact-settings/business-contact';
import { parseCrmEntry } from '../../../../src-shared/contact-settings/crm-entry';
import { withDefaultAddress } from '../../../../src-shared/contact-settings/default-address';
import { moveItem, parseDispositions } from '../../../../src-shared/contact-settings/dispositions';
import type { FormErrors } from '../../../../src-shared/contact-settings/form-errors';
import {
  parseOptionalPhone,
  parseRequiredPhone,
} from '../../../../src-shared/contact-settings/phone-field';
import { parseAdfWord, providerName } from '../../../../src-shared/contact-settings/provider-name';
import { storeContacts } from '../../../../src-shared/domain/store-contacts';

describe('phone numbers in any format', () => {
  test.each(['(970) 555-0142', '970.555.0142', '+1 970 555 0142', '9705550142'])(
    '%s is kept as E.164',
    (typed) => {
      expect(parseOptionalPhone(typed, 'Click-to-call number')).toEqual({
        ok: true,
        value: '+19705550142',
      });
    },
  );

  test('blank is no number for an optional field, an error for a required one', () => {
    expect(parseOptionalPhone('  ', 'SMS notification number')).toEqual({ ok: true, value: null });
    expect(parseRequiredPhone('', 'Phone')).toEqual({ ok: false, error: 'Phone is required' });
  });

  test('what is not a phone is named with its field', () => {
    expect(parseOptionalPhone('12', 'SMS notification number')).toEqual({
      ok: false,
      error: 'SMS notification number: 12 is not a phone number',
    });
    expect(parseOptionalPhone('call me', 'Click-to-call number').ok).toBe(false);
  });
});

describe('a business contact (seed 002)', () => {
  test('email and phone are required; names and title may be blank', () => {
    const errors: FormErrors = {};
    expect(parseBusinessContact(blankBusinessContact(), 'businessContacts.0', errors)).toBe(
      undefined,
    );
    expect(errors).toEqual({
      'businessContacts.0.email': 'Email is required',
      'businessContacts.0.phone': 'Phone is required',
    });
  });

  test('a complete row is kept, the phone as E.164, text trimmed', () => {
    const errors: FormErrors = {};
    const contact = parseBusinessContact(
      {
        title: ' GM ',
        firstName: 'Ana',
        lastName: 'Ruiz',
        email: ' ana@dealer.com ',
        phone: '(303) 555-0199',
        purpose: 'billing',
      },
      'businessContacts.1',
      errors,
    );
    expect(errors).toEqual({});
    expect(contact).toEqual({
      title: 'GM',
      firstName: 'Ana',
      lastName: 'Ruiz',
      email: 'ana@dealer.com',
      phone: '+13035550199',
      purpose: 'billing',
    });
  });

  test('a bad email or phone is named under its own field', () => {
    const errors: FormErrors = {};
    parseBusinessContact(
      { ...blankBusinessContact(), email: 'ana@', phone: '555' },
      'businessContacts.2',
      errors,
    );
    expect(errors['businessContacts.2.email']).toBe('ana@ is not an email address');
    expect(errors['businessContacts.2.phone']).toBe('Phone: 555 is not a phone number');
  });

  test('an unknown purpose is refused', () => {
    const errors: FormErrors = {};
    const draft = { ...blankBusinessContact(), email: 'a@x.com', phone: '3035550199' };
    parseBusinessContact({ ...draft, purpose: 'sales' as 'primary' }, 'c', errors);
    expect(errors['c.purpose']).toMatch(/primary, billing, technical/);
  });
});

describe('the ADF word and the provider name it makes', () => {
  test('after: "Showroom Web"; before: "Web Showroom"; none: "Showroom"', () => {
    expect(providerName('Web', 'after')).toBe('Showroom Web');
    expect(providerName('Web', 'before')).toBe('Web Showroom');
    expect(providerName('  ', 'before')).toBe('Showroom');
  });

  test('whitespace inside the word collapses, as the ADF carries it', () => {
    expect(providerName(' Web \n Leads ', 'after')).toBe('Showroom Web Leads');
  });

  test('at most 40 characters', () => {
    expect(parseAdfWord('x'.repeat(40))).toEqual({ ok: true, value: 'x'.repeat(40) });
    expect(parseAdfWord('x'.repeat(41))).toEqual({
      ok: false,
      error: 'the ADF word is longer than 40 characters (41)',
    });
    // Characters, not UTF-16 units: 40 emoji are 40 characters.
    expect(parseAdfWord('🚗'.repeat(40)).ok).toBe(true);
  });
});

describe('a CRM selection-list entry', () => {
  test('needs a display name and a valid address', () => {
    const errors: FormErrors = {};
    expect(parseCrmEntry({ name: ' ', address: 'crm@' }, 'selectionList.0', errors)).toBe(
      undefined,
    );
    expect(errors).toEqual({
      'selectionList.0.name': 'Display name is required',
      'selectionList.0.address': 'crm@ is not an email address',
    });
  });

  test('"Do Not Send" is reserved: the list always has it', () => {
    const errors: FormErrors = {};
    parseCrmEntry({ name: 'do not send', address: 'a@x.com' }, 'e', errors);
    expect(errors['e.name']).toMatch(/always in the list/);
  });

  test('a good entry is kept trimmed', () => {
    const errors: FormErrors = {};
    expect(
      parseCrmEntry({ name: ' VinSolutions ', address: 'leads@vin.example' }, 'e', errors),
    ).toEqual({
      name: 'VinSolutions',
      address: 'leads@vin.example',
    });
  });
});

describe('conversation dispositions', () => {
  test('kept in order, trimmed; blanks and repeats named by position', () => {
    const errors: FormErrors = {};
    expect(parseDispositions([' Sold ', '', 'Lost', 'sold'], errors)).toEqual(['Sold', 'Lost']);
    expect(errors).toEqual({
      'dispositions.1': 'Disposition 2 is empty',
      'dispositions.3': '“sold” is listed twice',
    });
  });

  test('move up and down; the ends stay put', () => {
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
});

describe('the default address (seed 002)', () => {
  test('fills an empty sales-lead and transcript list, and only those', () => {
    const contacts = storeContacts({
      smsNotificationNumber: null,
      salesLeadEmails: [],
      defaultEmail: 'gm@dealer.com',
    });
    const filled = withDefaultAddress(contacts);
    expect(filled.salesLeadEmails).toEqual(['gm@dealer.com']);
    expect(filled.transcriptEmails).toEqual(['gm@dealer.com']);
    expect(filled.actionExpectedEmails).toEqual([]);
  });

  test('leaves lists that have addresses, and does nothing without a default', () => {
    const contacts = storeContacts({
      smsNotificationNumber: null,
      salesLeadEmails: ['sales@dealer.com'],
      defaultEmail: 'gm@dealer.com',
    });
    expect(withDefaultAddress(contacts).salesLeadEmails).toEqual(['sales@dealer.com']);
    expect(withDefaultAddress(contacts).transcriptEmails).toEqual(['gm@dealer.com']);
    const none = storeContacts({ smsNotificationNumber: null, salesLeadEmails: [] });
    expect(withDefaultAddress(none)).toEqual(none);
  });
});
