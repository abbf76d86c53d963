import type { StoreContacts } from '../domain/store-contacts';

/**
 * Seed 002: the default address "is also copied over to the Sales Lead Email Address and the
 * Transcript Email Address" of a new store. We apply it whenever one of those lists is empty,
 * so a store is never left with nobody to tell while it has a default address.
 */
export function withDefaultAddress(contacts: StoreContacts): StoreContacts {
  const fallback = contacts.defaultEmail;
  if (!fallback) return contacts;
  return {
    ...contacts,
    salesLeadEmails: contacts.salesLeadEmails.length ? contacts.salesLeadEmails : [fallback],
    transcriptEmails: contacts.transcriptEmails.length ? contacts.transcriptEmails : [fallback],
  };
}
