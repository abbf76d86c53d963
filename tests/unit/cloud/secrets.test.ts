import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { secretBox } from '../../../src-cloud/secrets/secret-box';
import { loadSecretKey } from '../../../src-cloud/secrets/secret-key';

const KEY = Buffer.alloc(32, 1);
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('secret box', () => {
  it('opens what it sealed, and the sealed text does not contain the secret', () => {
    const box = secretBox(KEY);
    const sealed = box.seal('auth-token-0123456789abcdef');
    expect(sealed).not.toContain('auth-token');
    expect(box.open(sealed)).toBe('auth-token-0123456789abcdef');
    expect(box.seal('same')).not.toBe(box.seal('same'));
  });

  it('refuses a value sealed under another key, tampered with, or not sealed at all', () => {
    const sealed = secretBox(KEY).seal('secret');
    expect(() => secretBox(Buffer.alloc(32, 2)).open(sealed)).toThrow(
      /does not open with this key/,
    );
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => secretBox(KEY).open(parts.join('.'))).toThrow(/does not open/);
    expect(() => secretBox(KEY).open('plain text')).toThrow(/not a sealed secret/);
  });

  it('needs a 32-byte key', () => {
    expect(() => secretBox(Buffer.alloc(16))).toThrow(/32 bytes/);
  });
});

describe('secret key', () => {
  it('takes SHOWROOM_SECRET_KEY when given, and names it when it is not 32 bytes', async () => {
    const key = Buffer.alloc(32, 9);
    expect(await loadSecretKey(key.toString('base64'), '/nonexistent')).toEqual(key);
    await expect(loadSecretKey('c2hvcnQ=', '/nonexistent')).rejects.toThrow(/SHOWROOM_SECRET_KEY/);
  });

  it('otherwise makes a key file once, readable by its owner only, and reads it back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'showroom-key-'));
    dirs.push(dir);
    const first = await loadSecretKey(null, join(dir, 'data'));
    const file = join(dir, 'data', 'secret.key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(file, 'utf8'), 'base64')).toEqual(first);
    expect(await loadSecretKey(null, join(dir, 'data'))).toEqual(first);
  });
});
