import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSafeStorageSecretStore } from '../../../src-main/electron/adapters/secret-store.electron';
import { resetFakeElectron, safeStorage } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

let dir: string;
let file: string;

beforeEach(() => {
  resetFakeElectron();
  dir = mkdtempSync(join(tmpdir(), 'showroom-secrets-'));
  file = join(dir, 'userData', 'secrets.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('secrets in safeStorage', () => {
  it('keeps a secret across restarts, never in the clear on disk', async () => {
    await createSafeStorageSecretStore(file).set('session', 'tok-very-secret');
    expect(readFileSync(file, 'utf8')).not.toContain('tok-very-secret');
    await expect(createSafeStorageSecretStore(file).get('session')).resolves.toBe(
      'tok-very-secret',
    );
  });

  it('answers null for a secret never stored, and forgets a deleted one', async () => {
    const secrets = createSafeStorageSecretStore(file);
    await expect(secrets.get('session')).resolves.toBeNull();
    await secrets.set('session', 'a');
    await secrets.set('other', 'b');
    await secrets.delete('session');
    await expect(secrets.get('session')).resolves.toBeNull();
    await expect(secrets.get('other')).resolves.toBe('b');
  });

  it('treats odd key names as plain keys', async () => {
    const secrets = createSafeStorageSecretStore(file);
    await expect(secrets.get('toString')).resolves.toBeNull();
    await secrets.set('__proto__', 'x');
    await expect(createSafeStorageSecretStore(file).get('__proto__')).resolves.toBe('x');
  });

  it('refuses to store anything when the OS cannot encrypt', async () => {
    safeStorage.available = false;
    await expect(createSafeStorageSecretStore(file).set('session', 'a')).rejects.toThrow(
      /keychain is not available/,
    );
    expect(existsSync(file)).toBe(false);
  });

  it('answers null for a secret sealed by another OS key (the user signs in again)', async () => {
    await createSafeStorageSecretStore(file).set('session', 'a');
    safeStorage.decryptString.mockImplementationOnce(() => {
      throw new Error(
        'Error while decrypting the ciphertext provided to safeStorage.decryptString.',
      );
    });
    await expect(createSafeStorageSecretStore(file).get('session')).resolves.toBeNull();
  });

  it('says the file is damaged, naming it, when it is not JSON', async () => {
    const secrets = createSafeStorageSecretStore(file);
    await secrets.set('session', 'a');
    writeFileSync(file, '{not json');
    await expect(secrets.get('session')).rejects.toThrow(/secrets file is damaged.*secrets\.json/);
  });

  it('refuses an empty key with a clear message', async () => {
    await expect(createSafeStorageSecretStore(file).set('', 'a')).rejects.toThrow(/secret key/);
  });
});
