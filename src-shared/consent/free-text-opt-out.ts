import { normalise, originalWords } from './normalise';
import { OPT_OUT_PATTERNS, type OptOutPattern } from './patterns';

/** A revocation found in an ordinary message: the customer's words and a sentence for the agent. */
export interface FreeTextOptOut {
  /** The customer's own words that revoke consent, as they wrote them. */
  readonly matched: string;
  /** Why the lead is being opted out, for the agent to read. */
  readonly reason: string;
}

/**
 * Reads a message for a revocation of consent in ordinary words, misspellings or Spanish
 * ("please stop texting me", "stp", "ya no me escriban"), or null. Look-alikes ("can I stop by
 * tomorrow?", "cancel my appointment") are not revocations. Readable patterns, no model: a
 * compliance officer can read patterns.ts and see why a message was or was not flagged.
 */
export function detectFreeTextOptOut(body: string): FreeTextOptOut | null {
  const whole = findIn(body, OPT_OUT_PATTERNS);
  if (whole !== null) return whole;
  // Punctuation is lost in the normalised text, so a clause is cut from the original: in
  // "Stop, I bought elsewhere" the first clause alone is a bare "stop".
  for (const clause of body.split(CLAUSE_BREAK)) {
    const found = findIn(clause, CLAUSE_PATTERNS);
    if (found !== null) return found;
  }
  return null;
}

/** Marks that end a clause. An apostrophe does not ("don't"), nor a hyphen ("opt-out"). */
const CLAUSE_BREAK = /[.,;:!?¡¿\n()"“”]+/u;
const CLAUSE_PATTERNS = OPT_OUT_PATTERNS.filter((pattern) => pattern.wholeClause === true);

function findIn(body: string, patterns: readonly OptOutPattern[]): FreeTextOptOut | null {
  const normalised = normalise(body);
  if (normalised.text === '') return null;
  const padded = ` ${normalised.text} `;
  for (const { regex, asks } of patterns) {
    const found = regex.exec(padded);
    if (found === null) continue;
    const phrase = found[0].trim();
    // Offsets in `padded` are one past those in the normalised text.
    const start = found.index + found[0].indexOf(phrase) - 1;
    const matched = originalWords(body, normalised, start, start + phrase.length);
    return { matched, reason: `The customer wrote “${matched}”, ${asks}.` };
  }
  return null;
}
