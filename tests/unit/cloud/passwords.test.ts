import { describe, expect, test } from 'vitest';
import { hashPassword, verifyPassword } from '../../../src-cloud/accounts/passwords';
import { hashToken, newToken } from '../../../src-cloud/accounts/tokens';

describe('passwords', () => {
  test('a password verifies against its scrypt hash and nothing else does', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(await verifyPassword('correct horse battery staple', hash)).toBe(true);
    expect(await verifyPassword('correct horse battery stapl', hash)).toBe(false);
    expect(await verifyPassword('correct horse battery staple', 'demo')).toBe(false);
  });

  test('the same password hashes differently each time (salted)', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });

  test('tokens are long random strings, stored as a hash that does not contain them', () => {
    const token = newToken();
    expect(token).toMatch(/^[\w-]{43}$/);
    expect(newToken()).not.toBe(token);
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).not.toContain(token);
  });
});
