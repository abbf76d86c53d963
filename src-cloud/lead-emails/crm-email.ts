import { leadDisplayName, type Lead } from '../../src-shared/domain/lead';
import type { Store } from '../../src-shared/domain/tenant';
import { leadToAdf, type AdfInput, type AdfStoreContact } from '../crm/adf';
import type { LeadHistory } from './lead-history';

/** Seed 002's primary business contact is who the CRM calls back; none: the store itself. */
function vendorContact(store: Store): AdfStoreContact | null {
  const primary = store.contacts.businessContacts.find((c) => c.purpose === 'primary');
  if (!primary) return null;
  return {
    firstName: primary.firstName,
    lastName: primary.lastName,
    email: primary.email,
    phone: primary.phone,
  };
}

export function adfInputOf(lead: Lead, store: Store, history: LeadHistory): AdfInput {
  return {
    lead,
    store: { ...store, contact: vendorContact(store) },
    channel: lead.lastChannel,
    notes: history.notes,
    transcript: history.lines.map(({ at, from, author, text }) => ({ at, from, author, text })),
    repeat: history.sentToCrmBefore,
    adfWord: store.crm.adfWord,
    adfWordPosition: store.crm.adfWordPosition,
  };
}

/**
 * The CRM email: its whole body is the ADF document (CRMs parse the body as XML, so nothing
 * may come before or after it); the subject only helps a person looking at the CRM's mailbox.
 * Throws AdfInputError when the lead cannot make a valid document.
 */
export function crmEmail(lead: Lead, store: Store, history: LeadHistory) {
  return {
    subject: `Lead from ${store.name}: ${leadDisplayName(lead)}`,
    body: leadToAdf(adfInputOf(lead, store, history)),
  };
}
