/**
 * What is wrong with a form, by field key: "salesLeadEmails", "businessContacts.0.email",
 * "selectionList.1.address", "dispositions.2". Empty: nothing wrong.
 */
export type FormErrors = Record<string, string>;

/** Reads one field into `errors` under `key`; the value, or undefined when it was refused. */
export function readField<T>(
  errors: FormErrors,
  key: string,
  result: { ok: true; value: T } | { ok: false; error: string },
): T | undefined {
  if (result.ok) return result.value;
  errors[key] = result.error;
  return undefined;
}
