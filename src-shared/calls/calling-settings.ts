import { z } from 'zod';
import { toE164 } from '../phone/phone';
import { extensionToSendDigits } from './extension';

/**
 * A user's calling settings as typed in Settings (DESIGN §5, seed 004 "Custom Outbound Calls
 * Phone"): the phone click-to-call rings first, in any format (null or '' clears it), its
 * extension, and whether lead calls are forwarded to it. The cloud stores the phone as E.164.
 */
export const CallingSettingsInput = z
  .object({
    phone: z.string().max(40).nullable(),
    extension: z.string().max(40),
    forwardLeadCalls: z.boolean(),
  })
  .strict();
export type CallingSettingsInput = z.infer<typeof CallingSettingsInput>;

export interface CallingSettings {
  phone: string | null;
  extension: string;
  forwardLeadCalls: boolean;
}

/** The settings to store, or the problem with the first field that is wrong. */
export function checkCallingSettings(
  input: CallingSettingsInput,
): { ok: true; settings: CallingSettings } | { ok: false; field: string; problem: string } {
  const typed = input.phone?.trim() ?? '';
  const phone = typed === '' ? null : toE164(typed);
  if (typed !== '' && phone === null) {
    return { ok: false, field: 'phone', problem: `"${typed}" is not a phone number` };
  }
  const extension = input.extension.trim();
  const digits = extensionToSendDigits(extension);
  if (!digits.ok) return { ok: false, field: 'extension', problem: digits.problem };
  if (extension !== '' && phone === null) {
    return { ok: false, field: 'extension', problem: 'an extension needs a phone to dial it on' };
  }
  return { ok: true, settings: { phone, extension, forwardLeadCalls: input.forwardLeadCalls } };
}
