/**
 * The languages a lead may be marked with: ISO 639-1 codes (what Lead.language holds and a
 * translation service takes), their names, and the ISO 639-3 code the detector answers with.
 * Kept to languages dealers' customers write in and franc-min knows; a lead's language may
 * still be any code a person sets (the detector only proposes).
 */
export const LANGUAGES = [
  { code: 'en', iso3: 'eng', name: 'English' },
  { code: 'es', iso3: 'spa', name: 'Spanish' },
  { code: 'fr', iso3: 'fra', name: 'French' },
  { code: 'pt', iso3: 'por', name: 'Portuguese' },
  { code: 'vi', iso3: 'vie', name: 'Vietnamese' },
  { code: 'zh', iso3: 'cmn', name: 'Chinese' },
  { code: 'ko', iso3: 'kor', name: 'Korean' },
  { code: 'ja', iso3: 'jpn', name: 'Japanese' },
  { code: 'tl', iso3: 'tgl', name: 'Tagalog' },
  { code: 'ru', iso3: 'rus', name: 'Russian' },
  { code: 'uk', iso3: 'ukr', name: 'Ukrainian' },
  { code: 'ar', iso3: 'arb', name: 'Arabic' },
  { code: 'fa', iso3: 'pes', name: 'Persian' },
  { code: 'hi', iso3: 'hin', name: 'Hindi' },
  { code: 'de', iso3: 'deu', name: 'German' },
  { code: 'it', iso3: 'ita', name: 'Italian' },
  { code: 'pl', iso3: 'pol', name: 'Polish' },
  { code: 'nl', iso3: 'nld', name: 'Dutch' },
  { code: 'tr', iso3: 'tur', name: 'Turkish' },
] as const;

export type LanguageCode = (typeof LANGUAGES)[number]['code'];

/** "Spanish" for "es"; the code itself for one not in the list. */
export function languageName(code: string): string {
  return LANGUAGES.find((language) => language.code === code)?.name ?? code;
}
