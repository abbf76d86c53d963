import { z } from 'zod';
import type { LeadPhone } from '../../../../src-shared/domain/lead';
import { formatPhone, toE164 } from '../../../../src-shared/phone/phone';

/** What an in-place edit made of the typed text: the value to save, or why it cannot be. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const NAME_MAX = 100;

/** "Dana Whitfield" -> first "Dana", last "Whitfield"; empty is Unknown again. */
export function parseName(
  text: string,
): Parsed<{ firstName: string | null; lastName: string | null }> {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const firstName = words[0] ?? null;
  const lastName = words.slice(1).join(' ') || null;
  if ((firstName?.length ?? 0) > NAME_MAX || (lastName?.length ?? 0) > NAME_MAX) {
    return { ok: false, error: `A first or last name can have at most ${NAME_MAX} characters` };
  }
  return { ok: true, value: { firstName, lastName } };
}

/**
 * The lead's phones with the one at `index` (or a new one at the end) replaced by what was
 * typed; an empty entry removes it. Refuses what is not a phone number and a number twice.
 */
export function parsePhoneEdit(
  text: string,
  phones: readonly LeadPhone[],
  index: number | null,
): Parsed<LeadPhone[]> {
  const typed = text.trim();
  if (!typed) {
    if (index === null) return { ok: false, error: 'Type the phone number to add' };
    return { ok: true, value: phones.filter((_, i) => i !== index) };
  }
  const number = toE164(typed);
  if (!number) {
    return {
      ok: false,
      error: `“${typed}” is not a phone number: type it with its area code, like (303) 555-0101`,
    };
  }
  if (phones.some((phone, i) => phone.number === number && i !== index)) {
    return { ok: false, error: `${formatPhone(number)} is already on this lead` };
  }
  if (index === null) return { ok: true, value: [...phones, { number, type: 'mobile' }] };
  return {
    ok: true,
    value: phones.map((phone, i) => (i === index ? { ...phone, number } : phone)),
  };
}

const Email = z.string().email().max(320);

/** An address the cloud will take, or null to clear it. */
export function parseEmail(text: string): Parsed<string | null> {
  const typed = text.trim();
  if (!typed) return { ok: true, value: null };
  if (!Email.safeParse(typed).success) {
    return { ok: false, error: `“${typed}” is not an email address, like name@example.com` };
  }
  return { ok: true, value: typed };
}
