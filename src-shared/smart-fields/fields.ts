import { leadDisplayName, type Vehicle } from '../domain/lead';
import { formatPhone } from '../phone/phone';
import type { SmartFieldContext } from './context';
import { storeCalendarDate, storeClockTime } from './store-clock';

export const SMART_FIELD_GROUPS = ['lead', 'store', 'agent', 'appointment'] as const;
export type SmartFieldGroup = (typeof SMART_FIELD_GROUPS)[number];

export interface SmartField {
  /** What the agent types between braces: `lead.firstName`. */
  key: string;
  group: SmartFieldGroup;
  /** For the menu: "First name". */
  label: string;
  /** The value as the customer reads it; null or blank when there is none. */
  read(context: SmartFieldContext): string | null;
  /** Why there is no value, for the warning: "the lead has no email address". */
  missing: string;
}

const field = (
  group: SmartFieldGroup,
  name: string,
  label: string,
  read: SmartField['read'],
  missing: string,
): SmartField => ({ key: `${group}.${name}`, group, label, read, missing });

const phone = (e164: string | null | undefined) => (e164 ? formatPhone(e164) : null);

function vehicleWords(vehicle: Vehicle | null): string | null {
  if (!vehicle) return null;
  return [vehicle.year, vehicle.make, vehicle.model, vehicle.trim].filter(Boolean).join(' ');
}

/** Every smart field, in the order the composer's menu lists them. */
export const SMART_FIELDS: readonly SmartField[] = [
  field('lead', 'firstName', 'First name', (c) => c.lead.firstName, 'the lead has no first name'),
  field('lead', 'lastName', 'Last name', (c) => c.lead.lastName, 'the lead has no last name'),
  field(
    'lead',
    'fullName',
    'Full name',
    // "Unknown" is what the console shows for a nameless lead, not something to call a customer.
    (c) => (c.lead.firstName || c.lead.lastName ? leadDisplayName(c.lead) : null),
    'the lead has no name',
  ),
  field('lead', 'phone', 'Phone', (c) => phone(c.lead.phones[0]?.number), 'the lead has no phone'),
  field('lead', 'email', 'Email', (c) => c.lead.email, 'the lead has no email address'),
  field(
    'lead',
    'vehicle',
    'Vehicle of interest',
    (c) => vehicleWords(c.lead.vehicle),
    'the lead has no vehicle of interest',
  ),
  field(
    'lead',
    'tradeIn',
    'Trade-in',
    (c) => vehicleWords(c.lead.tradeIn),
    'the lead has no trade-in',
  ),
  field('store', 'name', 'Store name', (c) => c.store.name, 'the store has no name'),
  field(
    'store',
    'address',
    'Address',
    (c) => {
      const { street, city, state, zip } = c.store.address;
      const region = [state, zip].filter(Boolean).join(' ');
      return [street, city, region].filter(Boolean).join(', ');
    },
    'the store has no address',
  ),
  field('store', 'phone', 'Phone', (c) => phone(c.store.mainPhone), 'the store has no main phone'),
  field(
    'store',
    'textingNumber',
    'Texting number',
    (c) => phone(c.store.textingNumber),
    'the store has no texting number',
  ),
  field(
    'store',
    'directionsLink',
    'Directions link',
    (c) => c.store.links.directions,
    'the store has no directions link',
  ),
  field(
    'store',
    'voucherLink',
    'Voucher link',
    (c) => c.store.links.voucher,
    'the store has no voucher link',
  ),
  field(
    'store',
    'creditAppLink',
    'Credit app link',
    (c) => c.store.links.creditApp,
    'the store has no credit application link',
  ),
  field('agent', 'name', 'Your name', (c) => c.agent.name, 'you have no name'),
  field(
    'agent',
    'firstName',
    'Your first name',
    (c) => c.agent.name.trim().split(/\s+/)[0] ?? null,
    'you have no name',
  ),
  field('agent', 'phone', 'Your phone', (c) => phone(c.agent.phone), 'you have no phone set'),
  field('agent', 'email', 'Your email', (c) => c.agent.email, 'you have no email address'),
  field(
    'appointment',
    'date',
    'Date',
    (c) => c.appointment && storeCalendarDate(c.appointment.startsAt, c.store.timeZone),
    'no appointment is booked',
  ),
  field(
    'appointment',
    'time',
    'Time',
    (c) => c.appointment && storeClockTime(c.appointment.startsAt, c.store.timeZone),
    'no appointment is booked',
  ),
];

const BY_KEY = new Map(SMART_FIELDS.map((f) => [f.key, f]));

export function smartField(key: string): SmartField | null {
  return BY_KEY.get(key) ?? null;
}

/** `{lead.firstName}`: what the menu inserts. */
export function smartFieldToken(key: string): string {
  return `{${key}}`;
}
