import { phoneSearchDigits } from '../phone/phone';

/** How one search box string is looked up: each part is tried, any match counts. */
export interface SearchTerms {
  /** Words for the name, email and message-text index (prefix match on the last word). */
  words: string[];
  /** National digits when the input reads as a phone number, in any format. */
  phoneDigits: string | null;
  /** The raw input, for an exact lead id or email match. */
  exact: string;
}

export function parseSearch(input: string): SearchTerms | null {
  const exact = input.trim();
  if (!exact) return null;
  const words = exact
    .toLowerCase()
    .split(/[^\p{L}\p{N}@._+-]+/u)
    .flatMap((w) => w.split(/[@._+-]+/))
    .filter((w) => w.length > 0)
    .slice(0, 8);
  return { words, phoneDigits: phoneSearchDigits(exact), exact };
}
