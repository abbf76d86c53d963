import { EmailAddress } from '../domain/store-contacts';
import { accepted, refused, type FieldResult } from './field-result';

/** The most addresses one list keeps: EmailList's own limit (domain/store-contacts.ts). */
export const MAX_EMAILS = 20;

/** One address, trimmed; the error quotes what was typed. */
export function parseEmail(input: string): FieldResult<string> {
  const typed = input.trim();
  const checked = EmailAddress.safeParse(typed);
  return checked.success ? accepted(checked.data) : refused(`${typed} is not an email address`);
}

/**
 * "a@x.com; b@y.com" (seed 002: several addresses separated by semicolons) -> the addresses in
 * the order typed, duplicates (any case) dropped; blank -> []. Commas separate too, since people
 * paste lists from mail clients. The first address that is not one is named in the error.
 */
export function parseEmailList(input: string): FieldResult<string[]> {
  const parts = input
    .split(/[;,]/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  const seen = new Set<string>();
  const addresses: string[] = [];
  for (const part of parts) {
    const address = parseEmail(part);
    if (!address.ok) return address;
    const key = address.value.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    addresses.push(address.value);
  }
  if (addresses.length > MAX_EMAILS) {
    return refused(`at most ${MAX_EMAILS} addresses, not ${addresses.length}`);
  }
  return accepted(addresses);
}

/** The list as the field shows it. */
export function formatEmailList(addresses: readonly string[]): string {
  return addresses.join('; ');
}
