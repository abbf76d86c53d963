/** What a carrier keyword asks for: stop texting, start again, or the store's contact details. */
export type KeywordIntent = 'opt-out' | 'opt-in' | 'help';

/**
 * The carrier keywords (CTIA / Twilio Advanced Opt-Out defaults). Twilio and the carriers act on
 * them only when they are the whole message, so "please stop" is not one (the free-text
 * detector reads that); matching the same way keeps our ledger in step with the carrier's.
 */
const KEYWORDS: ReadonlyMap<string, KeywordIntent> = new Map<string, KeywordIntent>([
  ['STOP', 'opt-out'],
  ['STOPALL', 'opt-out'],
  ['UNSUBSCRIBE', 'opt-out'],
  ['CANCEL', 'opt-out'],
  ['END', 'opt-out'],
  ['QUIT', 'opt-out'],
  ['REVOKE', 'opt-out'],
  ['OPTOUT', 'opt-out'],
  ['START', 'opt-in'],
  ['YES', 'opt-in'],
  ['UNSTOP', 'opt-in'],
  ['HELP', 'help'],
  ['INFO', 'help'],
]);

/** Phones add a full stop or an exclamation mark on their own; "STOP!" still means STOP. */
const TRAILING_PUNCTUATION = /[\s.!?,;:¡¿…'"“”‘’)\]-]+$/u;

/**
 * The keyword a whole message is, or null. Case-insensitive, surrounding spaces and trailing
 * punctuation ignored; a keyword inside a sentence ("stop by at 5") is not one.
 */
export function classifyKeyword(body: string): KeywordIntent | null {
  const word = body.trim().replace(TRAILING_PUNCTUATION, '').toUpperCase();
  return KEYWORDS.get(word) ?? null;
}
