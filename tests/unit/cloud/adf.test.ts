import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { afterAll, describe, expect, test } from 'vitest';
import { AdfInputError, leadToAdf, type AdfInput } from '../../../src-cloud/crm/adf';
import { COMMENTS_MAX, TRANSCRIPT_MAX_LINES } from '../../../src-cloud/crm/adf-comments';
import { isoWithOffset } from '../../../src-cloud/crm/adf-request-date';

const ADF_DATA = resolve(__dirname, '../../fixtures/adf');
const DTD = join(ADF_DATA, 'adf-1.0-errata.dtd');
const XSD = join(ADF_DATA, 'adf-1.0-errata.xsd');
const dir = mkdtempSync(join(tmpdir(), 'adf-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let fileCount = 0;
/** xmllint's verdict against the errata DTD and XSD: '' when valid, else what it said. */
function validationErrors(xml: string): string {
  const file = join(dir, `lead-${++fileCount}.xml`);
  writeFileSync(file, xml, 'utf8');
  const problems: string[] = [];
  for (const args of [
    ['--noout', '--dtdvalid', DTD, file],
    ['--noout', '--schema', XSD, file],
  ]) {
    const run = spawnSync('xmllint', args, { encoding: 'utf8' });
    if (run.error) throw run.error;
    if (run.status !== 0) problems.push(`${args[1]}: ${run.stderr}`);
  }
  return problems.join('\n');
}

function expectValid(xml: string): void {
  expect(validationErrors(xml)).toBe('');
}

function parse(xml: string): Document {
  const errors: string[] = [];
  const doc = new DOMParser({
    errorHandler: (level, message) => {
      if (level !== 'warning') errors.push(String(message));
    },
  }).parseFromString(xml, 'text/xml') as unknown as Document;
  expect(errors).toEqual([]);
  return doc;
}

function texts(doc: Document, path: string): string[] {
  const [parentName, childName] = path.split('/');
  const parents = Array.from(doc.getElementsByTagName(parentName!));
  return parents.flatMap((parent) =>
    Array.from(parent.childNodes)
      .filter((n) => n.nodeName === childName)
      .map((n) => n.textContent ?? ''),
  );
}

const CREATED = Date.UTC(2026, 0, 15, 16, 30, 5); // 10:30:05 in Chicago (CST, -06:00)

function fullInput(): AdfInput {
  return {
    lead: {
      id: 'lead-0001',
      firstName: 'Maria',
      lastName: 'Gonzalez',
      email: 'maria@example.com',
      phones: [
        { number: '+15125550101', type: 'mobile' },
        { number: '+15125550102', type: 'work' },
      ],
      vehicle: { year: 2025, make: 'Toyota', model: 'RAV4', trim: 'XLE', vin: '', stock: 'T123' },
      tradeIn: { year: 2015, make: 'Honda', model: 'Civic', trim: '', vin: '', stock: '' },
      createdAt: CREATED,
    },
    moreVehicles: [
      { year: null, make: 'Toyota', model: 'Highlander', trim: '', vin: '', stock: '' },
    ],
    store: {
      id: 'store-7',
      name: 'Lone Star Toyota',
      timeZone: 'America/Chicago',
      mainPhone: '+15125550000',
      address: { street: '1 Main St', city: 'Austin', state: 'TX', zip: '78701' },
      contact: {
        firstName: 'Sam',
        lastName: 'Sales',
        email: 'sales@lonestar.test',
        phone: '+15125550001',
      },
    },
    channel: 'sms',
    notes: ['Wants a test drive Saturday.', 'Pre-approved with her bank.'],
    transcript: [
      { at: CREATED, from: 'customer', author: null, text: 'Is the RAV4 still there?' },
      { at: CREATED + 60_000, from: 'agent', author: 'Ava Agent', text: 'Yes! When can you come?' },
    ],
    repeat: false,
    adfWord: 'Texting',
    adfWordPosition: 'after',
  };
}

function minimalInput(): AdfInput {
  return {
    lead: {
      id: 'lead-0002',
      firstName: null,
      lastName: null,
      email: null,
      phones: [{ number: '+15125550199', type: 'mobile' }],
      vehicle: null,
      tradeIn: null,
      createdAt: CREATED,
    },
    store: {
      id: 'store-8',
      name: 'Small Lot',
      timeZone: 'UTC',
      mainPhone: '+15125550000',
      address: null,
      contact: null,
    },
    channel: null,
    notes: [],
    transcript: [],
    repeat: false,
    adfWord: '',
    adfWordPosition: 'before',
  };
}

describe('ADF 1.0 export (leadToAdf)', () => {
  test('the validation helper fails a broken document (no requestdate, a bad attribute)', () => {
    const good = leadToAdf(fullInput());
    expectValid(good);
    const noDate = good.replace(/<requestdate>[^<]*<\/requestdate>/, '');
    expect(noDate).not.toBe(good);
    const errors = validationErrors(noDate);
    expect(errors).toContain('--dtdvalid');
    expect(errors).toContain('--schema');
    expect(validationErrors(good.replace('status="new"', 'status="maybe"'))).not.toBe('');
  });

  test('a full lead: valid, with every part in its place', () => {
    const xml = leadToAdf(fullInput());
    expectValid(xml);
    const doc = parse(xml);
    expect(doc.getElementsByTagName('prospect')[0]!.getAttribute('status')).toBe('new');
    const id = doc.getElementsByTagName('id')[0]!;
    expect(id.textContent).toBe('lead-0001');
    expect(id.getAttribute('source')).toBe('Showroom');
    expect(texts(doc, 'prospect/requestdate')).toEqual(['2026-01-15T10:30:05-06:00']);

    const vehicles = Array.from(doc.getElementsByTagName('vehicle'));
    expect(
      vehicles.map((v) => [v.getAttribute('interest'), v.getAttribute('status') || '']),
    ).toEqual([
      ['buy', ''],
      ['buy', ''],
      ['trade-in', 'used'],
    ]);
    expect(texts(doc, 'vehicle/model')).toEqual(['RAV4', 'Highlander', 'Civic']);
    expect(texts(doc, 'vehicle/year')).toEqual(['2025', '', '2015']);
    expect(texts(doc, 'vehicle/trim')).toEqual(['XLE']);
    expect(texts(doc, 'vehicle/stock')).toEqual(['T123']);

    const customer = doc.getElementsByTagName('customer')[0]!;
    const names = Array.from(customer.getElementsByTagName('name'));
    expect(names.map((n) => [n.getAttribute('part'), n.textContent])).toEqual([
      ['first', 'Maria'],
      ['last', 'Gonzalez'],
    ]);
    expect(customer.getElementsByTagName('email')[0]!.textContent).toBe('maria@example.com');
    const phones = Array.from(customer.getElementsByTagName('phone'));
    expect(phones.map((p) => [p.getAttribute('type'), p.textContent])).toEqual([
      ['cellphone', '+15125550101'],
      ['voice', '+15125550102'],
    ]);
    const comments = customer.getElementsByTagName('comments')[0]!.textContent ?? '';
    expect(comments).toBe(
      [
        'Notes:',
        'Wants a test drive Saturday.',
        'Pre-approved with her bank.',
        '',
        'Transcript:',
        '[2026-01-15 10:30] Customer: Is the RAV4 still there?',
        '[2026-01-15 10:31] Ava Agent: Yes! When can you come?',
      ].join('\n'),
    );

    const vendor = doc.getElementsByTagName('vendor')[0]!;
    expect(texts(doc, 'vendor/vendorname')).toEqual(['Lone Star Toyota']);
    expect(texts(doc, 'contact/email')).toEqual(['maria@example.com', 'sales@lonestar.test']);
    expect(vendor.getElementsByTagName('phone')[0]!.textContent).toBe('+15125550001');
    expect(texts(doc, 'address/city')).toEqual(['Austin']);

    expect(texts(doc, 'provider/name')).toEqual(['Showroom Texting']);
    expect(texts(doc, 'provider/service')).toEqual(['text']);
  });

  test('a minimal lead (no name, no email, no vehicle): valid, Unknown, an empty vehicle', () => {
    const xml = leadToAdf(minimalInput());
    expectValid(xml);
    const doc = parse(xml);
    expect(texts(doc, 'contact/name')).toEqual(['Unknown', 'Small Lot']);
    expect(doc.getElementsByTagName('email')).toHaveLength(0);
    expect(doc.getElementsByTagName('vehicle')).toHaveLength(1);
    expect(texts(doc, 'vehicle/make')).toEqual(['']);
    expect(doc.getElementsByTagName('comments')).toHaveLength(0);
    expect(doc.getElementsByTagName('service')).toHaveLength(0);
    expect(texts(doc, 'provider/name')).toEqual(['Showroom']);
    expect(texts(doc, 'prospect/requestdate')).toEqual(['2026-01-15T16:30:05+00:00']);
    // The store's main phone stands in for a missing business contact.
    expect(texts(doc, 'contact/phone')).toEqual(['+15125550199', '+15125550000']);
  });

  test('a trade-in alone is the only vehicle (no empty "buy" beside it)', () => {
    const input = minimalInput();
    input.lead.tradeIn = { year: 2010, make: 'Ford', model: 'F-150', trim: '', vin: '', stock: '' };
    const xml = leadToAdf(input);
    expectValid(xml);
    const vehicles = Array.from(parse(xml).getElementsByTagName('vehicle'));
    expect(vehicles.map((v) => v.getAttribute('interest'))).toEqual(['trade-in']);
  });

  test('the first bytes are exactly the XML declaration, then the adf processing instruction', () => {
    const xml = leadToAdf(fullInput());
    const bytes = Buffer.from(xml, 'utf8');
    expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    expect(
      xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<?adf version="1.0"?>\n<adf>'),
    ).toBe(true);
  });

  test('the provider name puts the word before or after "Showroom"', () => {
    const before = leadToAdf({ ...fullInput(), adfWord: 'Acme', adfWordPosition: 'before' });
    const after = leadToAdf({ ...fullInput(), adfWord: 'Acme', adfWordPosition: 'after' });
    expectValid(before);
    expect(texts(parse(before), 'provider/name')).toEqual(['Acme Showroom']);
    expect(texts(parse(after), 'provider/name')).toEqual(['Showroom Acme']);
    expect(() =>
      leadToAdf({ ...fullInput(), adfWordPosition: 'middle' as unknown as 'before' }),
    ).toThrow(/adfWordPosition/);
    expect(() => leadToAdf({ ...fullInput(), adfWord: 'x'.repeat(41) })).toThrow(AdfInputError);
  });

  test('the service is the channel as CRMs word it', () => {
    const service = (channel: AdfInput['channel']) =>
      texts(parse(leadToAdf({ ...fullInput(), channel })), 'provider/service');
    expect(service('sms')).toEqual(['text']);
    expect(service('chat')).toEqual(['chat']);
    expect(service('messenger')).toEqual(['chat']);
    expect(service('voice')).toEqual(['call']);
    expect(service('email')).toEqual(['email']);
  });

  test('a repeat send is status="resend"', () => {
    const xml = leadToAdf({ ...fullInput(), repeat: true });
    expectValid(xml);
    expect(parse(xml).getElementsByTagName('prospect')[0]!.getAttribute('status')).toBe('resend');
  });

  test('hostile content stays valid and comes back as the same text (minus forbidden characters)', () => {
    const hostile = `O'Brien <b>&amp; "Co" ]]> \u0001\u0008\u000B\u001F 😀 \uD800 é`;
    const clean = `O'Brien <b>&amp; "Co" ]]> 😀 é`;
    const input = fullInput();
    input.lead.firstName = hostile;
    input.lead.lastName = '</name><name>x</name>';
    input.lead.vehicle = {
      year: 2024,
      make: 'A&B <Motors>',
      model: ']]>',
      trim: '"',
      vin: '',
      stock: '',
    };
    input.store.name = 'Tom & Jerry\'s "Autos" <LLC>';
    input.adfWord = '<&>';
    input.notes = [`Line one & <two>\r\nline ]]> three\u0000\u0007 😀`];
    input.transcript = [{ at: CREATED, from: 'agent', author: 'A<g>&"nt', text: 'hi\u0002 & bye' }];
    const xml = leadToAdf(input);
    expectValid(xml);
    // eslint-disable-next-line no-control-regex -- the assertion is that none got through
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(/[\uD800-\uDFFF]/.test(xml.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, ''))).toBe(false);
    const doc = parse(xml);
    expect(texts(doc, 'contact/name').slice(0, 2)).toEqual([clean, '</name><name>x</name>']);
    expect(texts(doc, 'vehicle/make')[0]).toBe('A&B <Motors>');
    expect(texts(doc, 'vehicle/model')[0]).toBe(']]>');
    expect(texts(doc, 'vehicle/trim')[0]).toBe('"');
    expect(texts(doc, 'vendor/vendorname')).toEqual(['Tom & Jerry\'s "Autos" <LLC>']);
    expect(texts(doc, 'provider/name')).toEqual(['Showroom <&>']);
    const comments = texts(doc, 'customer/comments')[0]!;
    expect(comments).toContain('Line one & <two>\nline ]]> three 😀');
    expect(comments).toContain('A<g>&"nt: hi & bye');
  });

  test('the comments keep the notes and the last messages, within the cap', () => {
    const input = fullInput();
    input.notes = ['n'.repeat(5000)];
    input.transcript = Array.from({ length: 100 }, (_, i) => ({
      at: CREATED + i * 1000,
      from: 'customer' as const,
      author: null,
      text: `message ${i} ${'x'.repeat(400)}`,
    }));
    const xml = leadToAdf(input);
    expectValid(xml);
    const comments = texts(parse(xml), 'customer/comments')[0]!;
    expect(Array.from(comments).length).toBeLessThanOrEqual(COMMENTS_MAX);
    expect(comments.startsWith('Notes:\nnnn')).toBe(true);
    expect(comments).toContain(`Transcript (last ${TRANSCRIPT_MAX_LINES} of 100 messages):`);
    expect(comments).toContain('message 80 ');
    expect(comments).not.toContain('message 79 ');
  });

  test('no email and no phone: a clear error naming the lead, nothing returned', () => {
    const input = minimalInput();
    input.lead.phones = [];
    expect(() => leadToAdf(input)).toThrow(/lead-0002 has neither an email address nor a phone/);
    const store = minimalInput();
    store.store.mainPhone = null;
    expect(() => leadToAdf(store)).toThrow(/store store-8 has no contact email and no phone/);
  });

  test('the request date carries the store zone offset, summer and winter', () => {
    expect(isoWithOffset(Date.UTC(2026, 6, 1, 12, 0, 0), 'America/Chicago')).toBe(
      '2026-07-01T07:00:00-05:00',
    );
    expect(isoWithOffset(Date.UTC(2026, 6, 1, 12, 0, 0), 'Asia/Kolkata')).toBe(
      '2026-07-01T17:30:00+05:30',
    );
    expect(() => isoWithOffset(0, 'Mars/Olympus')).toThrow(/Mars\/Olympus/);
  });
});
