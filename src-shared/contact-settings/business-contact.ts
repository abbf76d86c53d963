import { CONTACT_PURPOSES, type BusinessContact } from '../domain/store-contacts';
import { formatPhone } from '../phone/phone';
import { parseEmail } from './email-list';
import { refused } from './field-result';
import { readField, type FormErrors } from './form-errors';
import { parseRequiredPhone } from './phone-field';

export type ContactPurpose = (typeof CONTACT_PURPOSES)[number];
export const PURPOSE_LABELS: Record<ContactPurpose, string> = {
  primary: 'Primary',
  billing: 'Billing',
  technical: 'Technical',
};

/** One business contact as typed on the screen. */
export interface BusinessContactDraft {
  title: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  purpose: ContactPurpose;
}

const NAME_MAX = 100;

export const blankBusinessContact = (): BusinessContactDraft => ({
  title: '',
  firstName: '',
  lastName: '',
  email: '',
  phone: '',
  purpose: 'primary',
});

/** A saved contact as the form shows it: the phone formatted as people read it. */
export function businessContactDraft(contact: BusinessContact): BusinessContactDraft {
  return { ...contact, phone: formatPhone(contact.phone) };
}

/**
 * Seed 002's business contact: email and phone required (any phone format in, E.164 kept),
 * title and names optional. Errors go into `errors` under `key.field`.
 */
export function parseBusinessContact(
  draft: BusinessContactDraft,
  key: string,
  errors: FormErrors,
): BusinessContact | undefined {
  const before = Object.keys(errors).length;
  const text = (field: 'title' | 'firstName' | 'lastName', label: string) => {
    const value = draft[field].trim();
    if (value.length > NAME_MAX)
      errors[`${key}.${field}`] = `${label} is over ${NAME_MAX} characters`;
    return value;
  };
  const title = text('title', 'Title');
  const firstName = text('firstName', 'First name');
  const lastName = text('lastName', 'Last name');
  const email = draft.email.trim()
    ? readField(errors, `${key}.email`, parseEmail(draft.email))
    : readField(errors, `${key}.email`, refused<string>('Email is required'));
  const phone = readField(errors, `${key}.phone`, parseRequiredPhone(draft.phone, 'Phone'));
  if (!CONTACT_PURPOSES.includes(draft.purpose)) {
    errors[`${key}.purpose`] = `Purpose must be one of ${CONTACT_PURPOSES.join(', ')}`;
  }
  if (Object.keys(errors).length > before || email === undefined || phone === undefined) {
    return undefined;
  }
  return { title, firstName, lastName, email, phone, purpose: draft.purpose };
}
