import { z } from 'zod';
import { Address, E164, Id, TimeZone } from './common';
import { DEFAULT_QUIET_HOURS, QuietHours } from './quiet-hours-settings';
import {
  DEFAULT_DISPOSITIONS,
  Dispositions,
  NO_CRM,
  StoreContacts,
  StoreCrm,
} from './store-contacts';

export { StoreContacts } from './store-contacts';

export const Tenant = z.object({ id: Id, name: z.string().min(1).max(200) });
export type Tenant = z.infer<typeof Tenant>;

const Weekday = z.enum(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']);
const HoursOfDay = z.object({
  open: z.string().regex(/^\d\d:\d\d$/),
  close: z.string().regex(/^\d\d:\d\d$/),
});
/** Opening hours per weekday in the store's own time zone; a missing day is closed. */
export const BusinessHours = z.partialRecord(Weekday, HoursOfDay);

export const DEFAULT_OFFER_TIMEOUT_SECONDS = 60;

/** A store is what the vendors call a "client": one rooftop with its own numbers and links. */
export const Store = z.object({
  id: Id,
  tenantId: Id,
  name: z.string().min(1).max(200),
  address: Address,
  timeZone: TimeZone,
  businessHours: BusinessHours,
  mainPhone: E164.nullable(),
  textingNumber: E164.nullable(),
  leadCallsNumber: E164.nullable(),
  links: z.object({
    directions: z.string().url().nullable(),
    voucher: z.string().url().nullable(),
    creditApp: z.string().url().nullable(),
  }),
  /** Shown in red to agents working this store's leads. */
  campaignNotes: z.string().max(2000),
  /** How long a new lead rings at the store's online agents before it is missed (DESIGN §7). */
  offerTimeoutSeconds: z.number().int().min(10).max(600).default(DEFAULT_OFFER_TIMEOUT_SECONDS),
  /** Who hears about a missed lead; a store saved before they existed has none. */
  contacts: StoreContacts.default(
    StoreContacts.parse({ smsNotificationNumber: null, salesLeadEmails: [] }),
  ),
  /** Send to CRM: the ADF provider word, the XML lead address, what the agent is offered. */
  crm: StoreCrm.default(NO_CRM),
  /** The dispositions offered when a lead's status is updated, in the manager's order. */
  dispositions: Dispositions.default([...DEFAULT_DISPOSITIONS]),
  /** When proactive texts may reach a customer, on their clock: 8:00-21:00, stricter by state. */
  quietHours: QuietHours.default(DEFAULT_QUIET_HOURS),
});
export type Store = z.infer<typeof Store>;

export const Campaign = z.object({
  id: Id,
  storeId: Id,
  name: z.string().min(1).max(200),
});
export type Campaign = z.infer<typeof Campaign>;
