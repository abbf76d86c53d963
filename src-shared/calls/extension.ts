/**
 * An agent's extension string as the seed (dealr.cloud) has people type it: digits, `*` and `#`
 * are keys pressed, each `,` waits one second (`,1,,,234#`: wait 1 s, press 1, wait 3 s, press
 * 234#). Twilio's `sendDigits` spells a half-second wait `w`, so a comma is `ww`. (Twilio also
 * knows `W` for a second, but only on the REST API: `ww` means the same on `<Number
 * sendDigits>` too, where the inbound forward dials the agent.)
 */

/** Twilio dials at most 32 keys after connecting (its API description of SendDigits). */
export const MAX_EXTENSION_KEYS = 32;

const KEY = /^[0-9*#]$/;

export type SendDigits = { ok: true; sendDigits: string } | { ok: false; problem: string };

/** `,1,,,234#` -> `ww1wwwwww234#`; '' stays '' (nothing to dial). Bad characters are named. */
export function extensionToSendDigits(extension: string): SendDigits {
  const invalid = [...new Set([...extension].filter((char) => char !== ',' && !KEY.test(char)))];
  if (invalid.length > 0) {
    const named = invalid.map((char) => (char === ' ' ? 'a space' : `"${char}"`)).join(', ');
    return {
      ok: false,
      problem: `the extension may hold only digits, * and # (keys) and commas (1-second pauses), not ${named}`,
    };
  }
  const keys = [...extension].filter((char) => KEY.test(char)).length;
  if (keys > MAX_EXTENSION_KEYS) {
    return {
      ok: false,
      problem: `the extension presses ${keys} keys; Twilio dials at most ${MAX_EXTENSION_KEYS}`,
    };
  }
  return { ok: true, sendDigits: extension.replaceAll(',', 'ww') };
}
