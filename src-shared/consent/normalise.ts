/**
 * Text prepared for the free-text opt-out patterns: lowercase, accents folded, apostrophes
 * dropped ("don't" -> "dont"), every other mark a word break, runs of one letter collapsed
 * ("stoooop", "pleeease" -> "stop", "please") and common texting spellings replaced by the
 * word ("txt" -> "text", "msgs" -> "messages"). Each word keeps where it came from, so a match
 * can quote the customer's own words back to the agent.
 */
export interface NormalisedText {
  /** The normalised words joined by single spaces. */
  readonly text: string;
  /** For each normalised word, its start and end in the original body. */
  readonly spans: readonly (readonly [number, number])[];
}

/**
 * Collapses every run of one letter ("off" -> "of", "messages" -> "mesages"). All letters, not
 * only long runs: a doubled-letter typo ("stopp") is as common as a stretched one ("stooop"),
 * and collapsing both the patterns and the text the same way makes them meet.
 */
export function collapseRepeats(word: string): string {
  return word.replace(/(\p{L})\1+/gu, '$1');
}

/**
 * Texting spellings, abbreviations and the misspellings seen most, written in full spelling
 * (collapsed at load like the text). Only words that mean the same everywhere: "u" is always
 * "you" in a text, but "end" or "info" are left alone.
 */
const SPELLINGS: Readonly<Record<string, string>> = {
  // "stop" typed in a hurry.
  stp: 'stop',
  sotp: 'stop',
  stpo: 'stop',
  stopp: 'stop',
  stahp: 'stop',
  // text / texts / texting.
  txt: 'text',
  tx: 'text',
  txts: 'texts',
  txs: 'texts',
  txting: 'texting',
  txtin: 'texting',
  textin: 'texting',
  textng: 'texting',
  texing: 'texting',
  txtng: 'texting',
  // message / messages / messaging.
  msg: 'message',
  msgs: 'messages',
  mesage: 'message',
  mesages: 'messages',
  massages: 'messages',
  msging: 'messaging',
  messagin: 'messaging',
  // unsubscribe, however it is spelled.
  unsubscibe: 'unsubscribe',
  unsubcribe: 'unsubscribe',
  unsuscribe: 'unsubscribe',
  unsub: 'unsubscribe',
  unsubsribe: 'unsubscribe',
  // the small words.
  pls: 'please',
  plz: 'please',
  plis: 'please',
  pleas: 'please',
  u: 'you',
  ur: 'your',
  r: 'are',
  im: 'i am',
  dnt: 'dont',
  // Spanish texting spellings ("msj", "x favor", accent-less "mas" is folded already).
  msj: 'mensaje',
  msjs: 'mensajes',
  mensages: 'mensajes',
  mensage: 'mensaje',
  porfa: 'por favor',
  xfa: 'por favor',
  xfavor: 'por favor',
};

const SPELLING_OF: ReadonlyMap<string, string> = new Map(
  Object.entries(SPELLINGS).map(([typed, word]) => [collapseRepeats(typed), collapseRepeats(word)]),
);

/** Letters and digits with the apostrophes inside them ("don't", "don’t"). */
const WORD = /[\p{L}\p{N}]+(?:['’`][\p{L}\p{N}]+)*/gu;

function normaliseWord(word: string): string {
  const plain = word
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/['’`]/gu, '');
  const collapsed = collapseRepeats(plain);
  return SPELLING_OF.get(collapsed) ?? collapsed;
}

export function normalise(body: string): NormalisedText {
  const words: string[] = [];
  const spans: (readonly [number, number])[] = [];
  for (const match of body.matchAll(WORD)) {
    // A spelling may stand for two words ("im" -> "i am"): both point at the same span.
    for (const part of normaliseWord(match[0]).split(' ')) {
      words.push(part);
      spans.push([match.index, match.index + match[0].length]);
    }
  }
  return { text: words.join(' '), spans };
}

/** The original words behind a stretch of the normalised text (by character offsets in it). */
export function originalWords(
  body: string,
  normalised: NormalisedText,
  start: number,
  end: number,
): string {
  const firstWord = countSpaces(normalised.text.slice(0, start));
  const lastWord = countSpaces(normalised.text.slice(0, Math.max(start, end - 1)));
  const from = normalised.spans[firstWord];
  const to = normalised.spans[lastWord];
  if (from === undefined || to === undefined) return normalised.text.slice(start, end);
  return body.slice(from[0], to[1]);
}

function countSpaces(text: string): number {
  let spaces = 0;
  for (const character of text) if (character === ' ') spaces += 1;
  return spaces;
}
