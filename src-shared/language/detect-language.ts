import { francAll } from 'franc-min';
import { LANGUAGES, type LanguageCode } from './languages';

/**
 * Fewer letters than this say too little: "ok", "Hola", "see you at 3" read alike in many
 * languages, and a guess from them would relabel a lead for nothing.
 */
export const MIN_LETTERS_TO_DETECT = 20;
/** Enough text for a sure answer; more only costs time. */
const MAX_CHARACTERS = 2_000;

const ISO3_TO_CODE = new Map<string, LanguageCode>(LANGUAGES.map((l) => [l.iso3, l.code]));
const ONLY = LANGUAGES.map((language) => language.iso3);

/** Links, addresses, numbers and emoji are the same in every language: they only add noise. */
function wordsOnly(text: string): string {
  return text
    .replace(/https?:\/\/\S+|\S+@\S+/giu, ' ')
    .replace(/[\p{N}\p{Extended_Pictographic}]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * The language of the customer's own messages (newest first), offline with franc-min: an ISO
 * 639-1 code from LANGUAGES, or null when they wrote too little to tell or in none of them.
 */
export function detectLanguage(inboundTexts: readonly string[]): LanguageCode | null {
  let text = '';
  for (const body of inboundTexts) {
    const words = wordsOnly(body);
    if (words) text = text ? `${text}\n${words}` : words;
    if (text.length >= MAX_CHARACTERS) break;
  }
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters < MIN_LETTERS_TO_DETECT) return null;
  const [best] = francAll(text.slice(0, MAX_CHARACTERS), { only: ONLY, minLength: 1 });
  return (best && ISO3_TO_CODE.get(best[0])) ?? null;
}
