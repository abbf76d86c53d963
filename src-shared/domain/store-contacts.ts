import { z } from 'zod';
import { E164 } from './common';

/** One email address as the contact settings keep it (seed 002). */
export const EmailAddress = z.string().trim().email().max(320);

/**
 * A list of addresses; the settings screen writes it as "a@x.com; b@y.com" and names the one
 * that is not an address (src-shared/contact-settings).
 */
export const EmailList = z.array(EmailAddress).max(20);

export const CONTACT_PURPOSES = ['primary', 'billing', 'technical'] as const;

/** Seed 002's business contact: email and phone are required, the rest may be blank. */
export const BusinessContact = z.object({
  title: z.string().trim().max(100),
  firstName: z.string().trim().max(100),
  lastName: z.string().trim().max(100),
  email: EmailAddress,
  phone: E164,
  purpose: z.enum(CONTACT_PURPOSES),
});
export type BusinessContact = z.infer<typeof BusinessContact>;

/** Who the store wants told, and how (seed 002's contact settings, DESIGN §9). */
export const StoreContacts = z.object({
  /** Texted when a lead rang and nobody accepted it in time. */
  smsNotificationNumber: E164.nullable(),
  /** Emailed the same news ("Offline Contact leads"). */
  salesLeadEmails: EmailList,
  /** Receive the transcript of a text or chat conversation marked Done. */
  transcriptEmails: EmailList.default([]),
  /** Receive the nightly Action Expected report; an empty list: no report. */
  actionExpectedEmails: EmailList.default([]),
  /** The provisioning address, copied into sales-lead and transcript addresses of a new store. */
  defaultEmail: EmailAddress.nullable().default(null),
  /** Escalate emails these "on-response" contacts (seed 003). */
  onResponseEmails: EmailList.default([]),
  businessContacts: z.array(BusinessContact).max(20).default([]),
  /** The number click-to-call rings (seed 002). */
  clickToCallNumber: E164.nullable().default(null),
  /** The hour (0-23, store time) the nightly Action Expected report goes out. */
  actionExpectedHour: z.number().int().min(0).max(23).default(21),
});
export type StoreContacts = z.infer<typeof StoreContacts>;

export const CRM_DISPLAY_OPTIONS = ['none', 'suppression', 'selection'] as const;

/** A named address of the store's Send to CRM selection list; "Do Not Send" is always added. */
export const CrmDestination = z.object({
  name: z.string().trim().min(1).max(100),
  address: EmailAddress,
});
export type CrmDestination = z.infer<typeof CrmDestination>;

/** How the store's leads reach its CRM (seed 002's "CRM System Integration Settings"). */
export const StoreCrm = z.object({
  /** Put before or after "Showroom" in the ADF provider name; empty: none. */
  adfWord: z.string().trim().max(40),
  adfWordPosition: z.enum(['before', 'after']),
  /** Where ADF leads go when the display option is none or suppression. */
  xmlLeadAddress: EmailAddress.nullable(),
  /** What the agent sees at Send to CRM: nothing, a "do not send" checkbox, or a list. */
  displayOption: z.enum(CRM_DISPLAY_OPTIONS),
  selectionList: z.array(CrmDestination).max(20),
});
export type StoreCrm = z.infer<typeof StoreCrm>;

export const NO_CRM: StoreCrm = {
  adfWord: '',
  adfWordPosition: 'after',
  xmlLeadAddress: null,
  displayOption: 'none',
  selectionList: [],
};

/**
 * What an agent picks when updating a lead's status at the end of a conversation: a list per
 * store, in the order its manager put them (seed 002), kept on the Store row.
 */
export const DEFAULT_DISPOSITIONS = [
  'Appointment Set',
  'Sold',
  'Bought Elsewhere',
  'Not Interested',
  'No Response',
  'Credit Declined',
  'Wrong Number',
  'Just Browsing',
] as const;
export const Dispositions = z.array(z.string().trim().min(1).max(100)).max(50);

/** Contacts with the later fields at their defaults (demo stores, tests, older rows). */
export function storeContacts(given: z.input<typeof StoreContacts>): StoreContacts {
  return StoreContacts.parse(given);
}
