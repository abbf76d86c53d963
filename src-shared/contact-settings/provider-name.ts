import { accepted, refused, type FieldResult } from './field-result';

export const PRODUCT_NAME = 'Showroom';
export const ADF_WORD_MAX = 40;

/** Where the store's ADF word goes around "Showroom" in the provider name (seed 002). */
export type AdfWordPosition = 'before' | 'after';
export const ADF_WORD_POSITIONS: readonly AdfWordPosition[] = ['before', 'after'];

/** The word as it will be used: runs of whitespace (newlines, tabs) become one space. */
export function cleanAdfWord(word: string): string {
  return word.replace(/\s+/g, ' ').trim();
}

/**
 * "Showroom" with the store's word before or after it ("Web Showroom", "Showroom Web"); an empty
 * word leaves "Showroom". The settings screen previews exactly what the ADF exporter writes.
 */
export function providerName(word: string, position: AdfWordPosition): string {
  const clean = cleanAdfWord(word);
  if (!clean) return PRODUCT_NAME;
  return position === 'before' ? `${clean} ${PRODUCT_NAME}` : `${PRODUCT_NAME} ${clean}`;
}

/** The word as typed -> the word kept, or why it cannot be (too long). */
export function parseAdfWord(input: string): FieldResult<string> {
  const clean = cleanAdfWord(input);
  const length = Array.from(clean).length;
  if (length > ADF_WORD_MAX) {
    return refused(`the ADF word is longer than ${ADF_WORD_MAX} characters (${length})`);
  }
  return accepted(clean);
}
