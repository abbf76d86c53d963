import { describe, expect, test } from 'vitest';
import { headerSafe } from '../../../src-cloud/email-outbox/header-safe';
import { retryDelay } from '../../../src-cloud/email-outbox/retry-delay';

describe('email headers from names and subjects', () => {
  test('CR, LF and other control characters cannot start a header line', () => {
    expect(headerSafe('Eve\r\nBcc: victim@evil.test')).toBe('Eve Bcc: victim@evil.test');
    expect(headerSafe('a\nb\rc\td\u0000e\u0085f\u2028g\u2029h\u007fi')).toBe('a b c d e f g h i');
    expect(headerSafe('  Ana   María  ')).toBe('Ana María');
  });

  test('a very long subject is cut, with an ellipsis', () => {
    const cut = headerSafe('x'.repeat(500), 50);
    expect(cut).toHaveLength(50);
    expect(cut.endsWith('…')).toBe(true);
  });
});

describe('outbox retries', () => {
  test('the delay doubles from the base and stops at an hour', () => {
    expect([1, 2, 3, 4].map((n) => retryDelay(n, 30_000))).toEqual([
      30_000, 60_000, 120_000, 240_000,
    ]);
    expect(retryDelay(30, 30_000)).toBe(3_600_000);
  });
});
