import type { CrmDestination } from '../domain/store-contacts';
import { parseEmail } from './email-list';
import { refused } from './field-result';
import { readField, type FormErrors } from './form-errors';

/** Always offered in a selection list (seed 002), so no entry may take its name. */
export const DO_NOT_SEND = 'Do Not Send';

export interface CrmEntryDraft {
  name: string;
  address: string;
}

const NAME_MAX = 100;

/** One named address of the Send to CRM selection list: both parts required. */
export function parseCrmEntry(
  draft: CrmEntryDraft,
  key: string,
  errors: FormErrors,
): CrmDestination | undefined {
  const name = draft.name.trim();
  let nameOk = true;
  if (!name) {
    errors[`${key}.name`] = 'Display name is required';
    nameOk = false;
  } else if (name.length > NAME_MAX) {
    errors[`${key}.name`] = `Display name is over ${NAME_MAX} characters`;
    nameOk = false;
  } else if (name.toLowerCase() === DO_NOT_SEND.toLowerCase()) {
    errors[`${key}.name`] = `“${DO_NOT_SEND}” is always in the list already`;
    nameOk = false;
  }
  const address = draft.address.trim()
    ? readField(errors, `${key}.address`, parseEmail(draft.address))
    : readField(errors, `${key}.address`, refused<string>('Email address is required'));
  return nameOk && address !== undefined ? { name, address } : undefined;
}
