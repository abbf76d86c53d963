import {
  StoreContacts,
  StoreCrm,
  type BusinessContact,
  type CrmDestination,
} from '../domain/store-contacts';
import type { Store } from '../domain/tenant';
import {
  businessContactDraft,
  parseBusinessContact,
  type BusinessContactDraft,
} from './business-contact';
import { parseCrmEntry, type CrmEntryDraft } from './crm-entry';
import { withDefaultAddress } from './default-address';
import { parseDispositions } from './dispositions';
import { formatEmailList, parseEmail, parseEmailList } from './email-list';
import { readField, type FormErrors } from './form-errors';
import { parseOptionalPhone } from './phone-field';
import { parseAdfWord, type AdfWordPosition } from './provider-name';
import { storeSettingsProblem, type StoreSettings } from './settings-rules';
import { formatPhone } from '../phone/phone';

export type EmailListField =
  'salesLeadEmails' | 'transcriptEmails' | 'actionExpectedEmails' | 'onResponseEmails';
export const EMAIL_LIST_FIELDS: readonly EmailListField[] = [
  'salesLeadEmails',
  'transcriptEmails',
  'actionExpectedEmails',
  'onResponseEmails',
];

/** The contact settings screen's form: every field as typed. */
export interface ContactSettingsDraft {
  salesLeadEmails: string;
  transcriptEmails: string;
  actionExpectedEmails: string;
  onResponseEmails: string;
  defaultEmail: string;
  businessContacts: BusinessContactDraft[];
  adfWord: string;
  adfWordPosition: AdfWordPosition;
  xmlLeadAddress: string;
  displayOption: StoreCrm['displayOption'];
  selectionList: CrmEntryDraft[];
  dispositions: string[];
  clickToCallNumber: string;
  smsNotificationNumber: string;
  /** "0".."23": the hour of the store's day the Action Expected report goes out. */
  actionExpectedHour: string;
}

/** The store's saved settings as the form shows them (Reset goes back to this). */
export function draftOf(
  store: Pick<Store, 'contacts' | 'crm' | 'dispositions'>,
): ContactSettingsDraft {
  const { contacts, crm } = store;
  return {
    salesLeadEmails: formatEmailList(contacts.salesLeadEmails),
    transcriptEmails: formatEmailList(contacts.transcriptEmails),
    actionExpectedEmails: formatEmailList(contacts.actionExpectedEmails),
    onResponseEmails: formatEmailList(contacts.onResponseEmails),
    defaultEmail: contacts.defaultEmail ?? '',
    businessContacts: contacts.businessContacts.map(businessContactDraft),
    adfWord: crm.adfWord,
    adfWordPosition: crm.adfWordPosition,
    xmlLeadAddress: crm.xmlLeadAddress ?? '',
    displayOption: crm.displayOption,
    selectionList: crm.selectionList.map((entry) => ({ ...entry })),
    dispositions: [...store.dispositions],
    clickToCallNumber: contacts.clickToCallNumber ? formatPhone(contacts.clickToCallNumber) : '',
    smsNotificationNumber: contacts.smsNotificationNumber
      ? formatPhone(contacts.smsNotificationNumber)
      : '',
    actionExpectedHour: String(contacts.actionExpectedHour),
  };
}

export type ContactSettingsResult =
  { ok: true; value: StoreSettings } | { ok: false; errors: FormErrors };

const optionalEmail = (input: string) =>
  input.trim() ? parseEmail(input) : ({ ok: true, value: null } as const);

function parseHour(input: string) {
  const hour = Number(input.trim());
  return input.trim() !== '' && Number.isInteger(hour) && hour >= 0 && hour <= 23
    ? ({ ok: true, value: hour } as const)
    : ({
        ok: false,
        error: `the report hour must be a whole hour from 0 to 23, not “${input}”`,
      } as const);
}

/**
 * Reads the whole form: the settings to save, or every field's error by key (`FormErrors`), so
 * nothing is saved while any field is wrong. A blank sales-lead or transcript list takes the
 * default address (withDefaultAddress), as the cloud does.
 */
export function parseContactSettings(draft: ContactSettingsDraft): ContactSettingsResult {
  const errors: FormErrors = {};
  const lists = {} as Record<EmailListField, string[] | undefined>;
  for (const field of EMAIL_LIST_FIELDS) {
    lists[field] = readField(errors, field, parseEmailList(draft[field]));
  }
  const defaultEmail = readField(errors, 'defaultEmail', optionalEmail(draft.defaultEmail));
  const businessContacts = draft.businessContacts.map((contact, index) =>
    parseBusinessContact(contact, `businessContacts.${index}`, errors),
  );
  const adfWord = readField(errors, 'adfWord', parseAdfWord(draft.adfWord));
  const xmlLeadAddress = readField(errors, 'xmlLeadAddress', optionalEmail(draft.xmlLeadAddress));
  const selectionList = draft.selectionList.map((entry, index) =>
    parseCrmEntry(entry, `selectionList.${index}`, errors),
  );
  const dispositions = parseDispositions(draft.dispositions, errors);
  const clickToCallNumber = readField(
    errors,
    'clickToCallNumber',
    parseOptionalPhone(draft.clickToCallNumber, 'Click-to-call number'),
  );
  const smsNotificationNumber = readField(
    errors,
    'smsNotificationNumber',
    parseOptionalPhone(draft.smsNotificationNumber, 'SMS notification number'),
  );
  const actionExpectedHour = readField(
    errors,
    'actionExpectedHour',
    parseHour(draft.actionExpectedHour),
  );
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const contacts = StoreContacts.parse({
    salesLeadEmails: lists.salesLeadEmails,
    transcriptEmails: lists.transcriptEmails,
    actionExpectedEmails: lists.actionExpectedEmails,
    onResponseEmails: lists.onResponseEmails,
    defaultEmail,
    businessContacts: businessContacts as BusinessContact[],
    clickToCallNumber,
    smsNotificationNumber,
    actionExpectedHour,
  });
  const crm = StoreCrm.parse({
    adfWord,
    adfWordPosition: draft.adfWordPosition,
    xmlLeadAddress,
    displayOption: draft.displayOption,
    selectionList: selectionList as CrmDestination[],
  });
  const settings: StoreSettings = { contacts: withDefaultAddress(contacts), crm, dispositions };
  const problem = storeSettingsProblem(settings);
  return problem ? { ok: false, errors: { form: problem } } : { ok: true, value: settings };
}
