import { describe, expect, it } from 'vitest';
import { classifyKeyword, detectFreeTextOptOut } from '../../../src-shared/consent';

describe('carrier keywords, as the whole message', () => {
  const table: readonly [string, 'opt-out' | 'opt-in' | 'help'][] = [
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
  ];

  it.each(table)('%s is %s, in any case, trimmed, with trailing punctuation', (word, intent) => {
    expect(classifyKeyword(word)).toBe(intent);
    expect(classifyKeyword(word.toLowerCase())).toBe(intent);
    expect(classifyKeyword(word[0] + word.slice(1).toLowerCase())).toBe(intent);
    expect(classifyKeyword(`  ${word}\n`)).toBe(intent);
    expect(classifyKeyword(`${word}.`)).toBe(intent);
    expect(classifyKeyword(`${word.toLowerCase()}!!!`)).toBe(intent);
    expect(classifyKeyword(` ${word} ?! `)).toBe(intent);
  });

  it.each(table)('%s inside a sentence is not a keyword', (word) => {
    expect(classifyKeyword(`please ${word.toLowerCase()}`)).toBeNull();
    expect(classifyKeyword(`${word} texting me`)).toBeNull();
    expect(classifyKeyword(`I said ${word}.`)).toBeNull();
  });

  it('anything else is not a keyword', () => {
    for (const body of [
      '',
      '   ',
      '!!!',
      'STOPP',
      'S T O P',
      'stop by at 5?',
      'yes please',
      'yeah',
      'info?x',
      '¡STOP',
      'end of the month works',
      'cancel my appointment',
    ]) {
      expect(classifyKeyword(body), body).toBeNull();
    }
  });
});

// The corpus of revocations and look-alikes is tests/fixtures/consent/optout-corpus.tsv, read by
// consent-corpus.test.ts.
describe('free-text opt-out', () => {
  it("quotes the customer's own words in the reason the agent reads", () => {
    expect(detectFreeTextOptOut('please stop texting me')).toEqual({
      matched: 'please stop texting me',
      reason: 'The customer wrote “please stop texting me”, which asks us to stop messaging them.',
    });
    // The words as written (accents, capitals, misspellings), not the normalised text.
    expect(detectFreeTextOptOut('Hi. Plz STOP txting me!! thx')?.matched).toBe(
      'Plz STOP txting me',
    );
    expect(detectFreeTextOptOut('Ya no me escriban, gracias')).toEqual({
      matched: 'Ya no me escriban',
      reason:
        'The customer wrote “Ya no me escriban”, which is Spanish for asking us to stop messaging them.',
    });
    expect(detectFreeTextOptOut('ok, take me off your list')?.reason).toBe(
      'The customer wrote “take me off your list”, which asks to be taken off our list.',
    );
  });

  it('empty and punctuation-only messages are not opt-outs', () => {
    for (const body of ['', '   ', '?!', '👍']) expect(detectFreeTextOptOut(body), body).toBeNull();
  });
});
