import { toE164 } from '../phone/phone';
import { accepted, refused, type FieldResult } from './field-result';

/**
 * A phone number typed in any format (seed 002: "All telephone number formats are accepted")
 * -> E.164; blank -> null, since these numbers are optional. `label` names the field in the
 * error: "SMS notification number: 12 is not a phone number".
 */
export function parseOptionalPhone(input: string, label: string): FieldResult<string | null> {
  const typed = input.trim();
  if (!typed) return accepted(null);
  return parseRequiredPhone(typed, label);
}

/** As parseOptionalPhone, but blank is an error ("Phone is required"). */
export function parseRequiredPhone(input: string, label: string): FieldResult<string> {
  const typed = input.trim();
  if (!typed) return refused(`${label} is required`);
  const e164 = toE164(typed);
  return e164 ? accepted(e164) : refused(`${label}: ${typed} is not a phone number`);
}
