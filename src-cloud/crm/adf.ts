import xmlbuilder from 'xmlbuilder';
import type { LeadPhone, Vehicle } from '../../src-shared/domain/lead';
import { adfComments } from './adf-comments';
import { AdfInputError, type AdfInput } from './adf-input';
import { providerName, PRODUCT_NAME, serviceOf } from './adf-provider';
import { isoWithOffset } from './adf-request-date';
import { xmlSafeLine } from './adf-text';

export { AdfInputError } from './adf-input';
export type { AdfInput, AdfStoreContact, AdfTranscriptLine, AdfWordPosition } from './adf-input';

type Element = xmlbuilder.XMLElement;

/** The source attribute of every id we write: our own lead and store ids. */
const ID_SOURCE = PRODUCT_NAME;

const PHONE_TYPES: Record<LeadPhone['type'], string> = {
  mobile: 'cellphone',
  home: 'voice',
  work: 'voice',
};

/** Adds `<name>text</name>` only when the one-line text is not empty (ADF's optional tags). */
function optional(parent: Element, name: string, text: string | null | undefined): void {
  const clean = xmlSafeLine(text ?? '');
  if (clean) parent.ele(name, {}, clean);
}

/** ADF requires year, make and model; unknown ones are written empty rather than invented. */
function addVehicle(
  prospect: Element,
  vehicle: Vehicle | null,
  interest: 'buy' | 'trade-in',
): void {
  const attributes = interest === 'trade-in' ? { interest, status: 'used' } : { interest };
  const el = prospect.ele('vehicle', attributes);
  el.ele('year', {}, vehicle?.year == null ? '' : String(vehicle.year));
  el.ele('make', {}, xmlSafeLine(vehicle?.make ?? ''));
  el.ele('model', {}, xmlSafeLine(vehicle?.model ?? ''));
  optional(el, 'vin', vehicle?.vin);
  optional(el, 'stock', vehicle?.stock);
  optional(el, 'trim', vehicle?.trim);
}

function addVehicles(prospect: Element, input: AdfInput): void {
  const wanted = [input.lead.vehicle, ...(input.moreVehicles ?? [])].filter(
    (v): v is Vehicle => v !== null,
  );
  // A prospect needs one vehicle at least: with nothing known, an empty "buy" says so honestly.
  if (wanted.length === 0 && input.lead.tradeIn === null) addVehicle(prospect, null, 'buy');
  for (const vehicle of wanted) addVehicle(prospect, vehicle, 'buy');
  if (input.lead.tradeIn !== null) addVehicle(prospect, input.lead.tradeIn, 'trade-in');
}

function addCustomer(prospect: Element, input: AdfInput): void {
  const { lead } = input;
  const email = xmlSafeLine(lead.email ?? '');
  if (!email && lead.phones.length === 0) {
    throw new AdfInputError(
      `lead ${lead.id} has neither an email address nor a phone number; ADF needs one of them`,
    );
  }
  const customer = prospect.ele('customer');
  const contact = customer.ele('contact');
  const first = xmlSafeLine(lead.firstName ?? '');
  const last = xmlSafeLine(lead.lastName ?? '');
  if (first) contact.ele('name', { part: 'first', type: 'individual' }, first);
  if (last) contact.ele('name', { part: 'last', type: 'individual' }, last);
  if (!first && !last) contact.ele('name', { part: 'full', type: 'individual' }, 'Unknown');
  if (email) contact.ele('email', {}, email);
  for (const phone of lead.phones) {
    contact.ele('phone', { type: PHONE_TYPES[phone.type] }, xmlSafeLine(phone.number));
  }
  const comments = adfComments(input.notes, input.transcript, input.store.timeZone);
  if (comments !== null) customer.ele('comments', {}, comments);
}

function addVendor(prospect: Element, input: AdfInput): void {
  const { store } = input;
  const storeName = xmlSafeLine(store.name);
  if (!storeName) throw new AdfInputError(`store ${store.id} has no name; ADF needs a vendor name`);
  const person = store.contact;
  const email = xmlSafeLine(person?.email ?? '');
  const phone = xmlSafeLine(person?.phone ?? '') || xmlSafeLine(store.mainPhone ?? '');
  if (!email && !phone) {
    throw new AdfInputError(
      `store ${store.id} has no contact email and no phone number; ADF needs one for the vendor`,
    );
  }
  const vendor = prospect.ele('vendor');
  vendor.ele('id', { source: ID_SOURCE }, xmlSafeLine(store.id));
  vendor.ele('vendorname', {}, storeName);
  const contact = vendor.ele('contact', { primarycontact: '1' });
  const first = xmlSafeLine(person?.firstName ?? '');
  const last = xmlSafeLine(person?.lastName ?? '');
  if (first) contact.ele('name', { part: 'first', type: 'individual' }, first);
  if (last) contact.ele('name', { part: 'last', type: 'individual' }, last);
  if (!first && !last) contact.ele('name', { part: 'full', type: 'business' }, storeName);
  if (email) contact.ele('email', {}, email);
  if (phone) contact.ele('phone', { type: 'voice' }, phone);
  const street = xmlSafeLine(store.address?.street ?? '');
  if (street && store.address) {
    const address = contact.ele('address', { type: 'work' });
    address.ele('street', { line: '1' }, street);
    optional(address, 'city', store.address.city);
    optional(address, 'regioncode', store.address.state);
    optional(address, 'postalcode', store.address.zip);
  }
}

function addProvider(prospect: Element, input: AdfInput): void {
  const provider = prospect.ele('provider');
  provider.ele(
    'name',
    { part: 'full', type: 'business' },
    providerName(input.adfWord, input.adfWordPosition),
  );
  optional(provider, 'service', serviceOf(input.channel));
}

/**
 * The lead as an ADF 1.0 document (../shared/data/adf/): the XML declaration as the very first
 * bytes, then `<?adf version="1.0"?>`, one prospect. Valid against the errata DTD and XSD;
 * throws AdfInputError when the lead or store lacks what ADF requires (a way to reach them).
 */
export function leadToAdf(input: AdfInput): string {
  const root = xmlbuilder.create(
    'adf',
    { version: '1.0', encoding: 'UTF-8' },
    {},
    // Second line of defence: whatever XML 1.0 forbids and slipped past xmlSafe is dropped.
    { invalidCharReplacement: '' },
  );
  root.instructionBefore('adf', 'version="1.0"');
  const prospect = root.ele('prospect', { status: input.repeat ? 'resend' : 'new' });
  prospect.ele('id', { sequence: '1', source: ID_SOURCE }, xmlSafeLine(input.lead.id));
  prospect.ele('requestdate', {}, isoWithOffset(input.lead.createdAt, input.store.timeZone));
  addVehicles(prospect, input);
  addCustomer(prospect, input);
  addVendor(prospect, input);
  addProvider(prospect, input);
  return root.end({ pretty: true }) + '\n';
}
