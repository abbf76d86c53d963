import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/** Most dealers are in the US; a number typed without a country code is read as theirs. */
export const DEFAULT_COUNTRY: CountryCode = 'US';

/** `(970) 123-4567` -> `+19701234567`; null when it is not a possible phone number. */
export function toE164(input: string, country: CountryCode = DEFAULT_COUNTRY): string | null {
  const key = `${country} ${input}`;
  let e164 = readings.get(key);
  if (e164 === undefined) {
    const parsed = parsePhoneNumberFromString(input, country);
    e164 = parsed?.isPossible() ? parsed.number : null;
    if (readings.size >= READINGS_MAX) readings.clear();
    readings.set(key, e164);
  }
  return e164;
}

/**
 * Readings already made: the cloud reads the same numbers over and over (every webhook names
 * the store's and the customer's), and parsing one costs more than the rest of the check.
 */
const readings = new Map<string, string | null>();
const READINGS_MAX = 5000;

/**
 * The digits to look a phone up by, however it was typed: the national number when the input
 * parses as a phone, else null. Needs at least 7 digits so that a year or a zip is not a phone.
 */
export function phoneSearchDigits(
  input: string,
  country: CountryCode = DEFAULT_COUNTRY,
): string | null {
  const digits = input.replace(/\D/g, '');
  if (digits.length < 7 || /[\p{L}]/u.test(input.replace(/ext\.?|x/giu, ''))) return null;
  const parsed = parsePhoneNumberFromString(input, country);
  return parsed ? parsed.nationalNumber : digits;
}

export function formatPhone(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  // By calling code, not country: a number the library cannot place in one NANP country (a
  // demo number, a new area code) is still dialled like any other +1 number.
  return parsed.countryCallingCode === '1' ? parsed.formatNational() : parsed.formatInternational();
}
