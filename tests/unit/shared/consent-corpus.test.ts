import { describe, expect, it } from 'vitest';
import { findOptOut } from '../../../src-shared/consent';
import { readOptOutCorpus } from '../../fixtures/consent/corpus';

/**
 * The opt-out corpus (tests/fixtures/consent/optout-corpus.tsv): what a dealership's customers
 * write, English and Spanish, misspelt, with the look-alikes a visit or a deal produces. Every
 * line must be read as labelled; a new wording goes in the file, and the detector learns it.
 */
const corpus = readOptOutCorpus();
const revocations = corpus.filter((c) => c.label === 'OPTOUT');
const lookAlikes = corpus.filter((c) => c.label === 'OK');

describe('the opt-out corpus', () => {
  it('is big and varied enough to mean something', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(200);
    expect(revocations.length).toBeGreaterThanOrEqual(100);
    expect(lookAlikes.length).toBeGreaterThanOrEqual(100);
    const spanish = /[ñáéíóú¿¡]|\b(?:no me|ya no|dejen|basta|alto|mensajes)\b/iu;
    expect(revocations.filter((c) => spanish.test(c.message)).length).toBeGreaterThanOrEqual(30);
    expect(lookAlikes.filter((c) => spanish.test(c.message)).length).toBeGreaterThanOrEqual(15);
    const messages = corpus.map((c) => c.message.toLowerCase());
    expect(
      messages.filter((m, i) => messages.indexOf(m) !== i),
      'duplicates',
    ).toEqual([]);
  });

  it(`every revocation is caught (${revocations.length})`, () => {
    const misses = revocations
      .filter((c) => findOptOut(c.message) === null)
      .map((c) => `line ${c.line}: ${c.message}`);
    expect(misses, `not detected:\n${misses.join('\n')}`).toEqual([]);
  });

  it(`no look-alike is flagged (${lookAlikes.length})`, () => {
    const falseAlarms = lookAlikes
      .map((c) => [c, findOptOut(c.message)] as const)
      .filter(([, found]) => found !== null)
      .map(([c, found]) => `line ${c.line}: ${c.message}  (matched “${found?.matched}”)`);
    expect(falseAlarms, `wrongly flagged:\n${falseAlarms.join('\n')}`).toEqual([]);
  });
});
