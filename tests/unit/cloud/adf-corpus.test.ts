import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { afterAll, describe, expect, test } from 'vitest';
import { leadToAdf } from '../../../src-cloud/crm/adf';
import { providerName } from '../../../src-cloud/crm/adf-provider';
import { xmlSafeLine } from '../../../src-cloud/crm/adf-text';
import { adfCorpus, validateAdfFiles } from '../../support/adf-corpus';

const CORPUS_SIZE = 240;
const corpus = adfCorpus(CORPUS_SIZE, 20260115);
const documents = corpus.map((input) => ({ input, xml: leadToAdf(input) }));
const dir = mkdtempSync(join(tmpdir(), 'adf-corpus-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeAll(xmls: readonly string[]): string[] {
  return xmls.map((xml, index) => {
    const file = join(dir, `doc-${index}.xml`);
    writeFileSync(file, xml, 'utf8');
    return file;
  });
}

const count = (predicate: (input: (typeof corpus)[number]) => boolean) =>
  corpus.filter(predicate).length;
const names = (input: (typeof corpus)[number]) =>
  `${input.lead.firstName ?? ''} ${input.lead.lastName ?? ''}`;

describe('the ADF corpus (issue 6 acceptance)', () => {
  test('is as varied as the acceptance asks', () => {
    expect(corpus).toHaveLength(CORPUS_SIZE);
    expect(count((i) => i.lead.tradeIn !== null)).toBeGreaterThan(40);
    expect(count((i) => (i.moreVehicles?.length ?? 0) > 0)).toBeGreaterThan(40);
    expect(count((i) => i.lead.vehicle === null)).toBeGreaterThan(20);
    expect(count((i) => i.lead.email === null)).toBeGreaterThan(20);
    expect(count((i) => i.lead.phones.length === 0)).toBeGreaterThan(20);
    expect(count((i) => i.lead.firstName === null)).toBeGreaterThan(20);
    expect(count((i) => i.store.contact === null && i.store.address === null)).toBeGreaterThan(5);
    expect(count((i) => /[^ -~]/.test(names(i)))).toBeGreaterThan(40);
    expect(count((i) => names(i).includes('&'))).toBeGreaterThan(10);
    expect(count((i) => names(i).includes('<'))).toBeGreaterThan(10);
    expect(count((i) => /["']/.test(names(i)))).toBeGreaterThan(10);
    expect(count((i) => i.notes.some((n) => n.length > 4000))).toBeGreaterThan(5);
    expect(count((i) => i.transcript.length >= 25)).toBeGreaterThan(10);
    expect(count((i) => i.repeat)).toBeGreaterThan(10);
  });

  test('every document validates against the errata DTD and XSD (xmllint)', () => {
    expect(validateAdfFiles(writeAll(documents.map((d) => d.xml)))).toBe('');
  });

  test('one broken document among many is caught', () => {
    const broken = documents.map((d, index) =>
      index === 117 ? d.xml.replace(/<requestdate>[^<]*<\/requestdate>/, '') : d.xml,
    );
    const verdict = validateAdfFiles(writeAll(broken));
    expect(verdict).toContain('doc-117.xml');
    expect(verdict).not.toContain('doc-116.xml');
  });

  test('names and provider read back as given: escaped, never dropped or doubled', () => {
    for (const { input, xml } of documents) {
      const doc = new DOMParser().parseFromString(xml, 'text/xml');
      const customer = doc.getElementsByTagName('customer')[0]!;
      const parts = Array.from(customer.getElementsByTagName('name')).map((n) => [
        n.getAttribute('part'),
        n.textContent,
      ]);
      const expected = [
        ['first', xmlSafeLine(input.lead.firstName ?? '')],
        ['last', xmlSafeLine(input.lead.lastName ?? '')],
      ].filter(([, text]) => text);
      if (expected.length > 0) expect(parts, input.lead.id).toEqual(expected);
      const provider = doc.getElementsByTagName('provider')[0]!;
      expect(provider.getElementsByTagName('name')[0]!.textContent).toBe(
        providerName(input.adfWord, input.adfWordPosition),
      );
    }
  });
});
