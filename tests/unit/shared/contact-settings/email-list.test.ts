import { describe, expect, test } from 'vitest';
import {
  formatEmailList,
  parseEmail,
  parseEmailList,
} from '../../../../src-shared/contact-settings/email-list';

describe('a semicolon list of email addresses (seed 002)', () => {
  test('reads several addresses separated by semicolons, spaces trimmed', () => {
    expect(parseEmailList(' sales@dealer.com ;bdc@dealer.com;  ')).toEqual({
      ok: true,
      value: ['sales@dealer.com', 'bdc@dealer.com'],
    });
  });

  test('a blank field is an empty list (no report, nobody told)', () => {
    expect(parseEmailList('')).toEqual({ ok: true, value: [] });
    expect(parseEmailList('  ;  ; ')).toEqual({ ok: true, value: [] });
  });

  test('names the address that is not one', () => {
    expect(parseEmailList('a@x.com; b@y')).toEqual({
      ok: false,
      error: 'b@y is not an email address',
    });
    expect(parseEmailList('a@x.com; not an address; c@z.com')).toEqual({
      ok: false,
      error: 'not an address is not an email address',
    });
  });

  test('drops a repeated address, whatever its case, keeping the first', () => {
    expect(parseEmailList('a@x.com; B@y.com; A@X.com; b@y.com')).toEqual({
      ok: true,
      value: ['a@x.com', 'B@y.com'],
    });
  });

  test('commas separate too (a list pasted from a mail client)', () => {
    expect(parseEmailList('a@x.com, b@y.com')).toEqual({
      ok: true,
      value: ['a@x.com', 'b@y.com'],
    });
  });

  test('refuses more than 20 addresses', () => {
    const many = Array.from({ length: 21 }, (_, i) => `a${i}@x.com`).join(';');
    const read = parseEmailList(many);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.error).toMatch(/at most 20/);
  });

  test('a header-injection attempt is not an address', () => {
    expect(parseEmail('a@x.com\r\nBcc: evil@x.com').ok).toBe(false);
    expect(parseEmailList('a@x.com\nBcc: evil@x.com').ok).toBe(false);
  });

  test('shows the list back with "; "', () => {
    expect(formatEmailList(['a@x.com', 'b@y.com'])).toBe('a@x.com; b@y.com');
    expect(formatEmailList([])).toBe('');
  });
});
