import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { safeStorage } from 'electron';
import type { SecretStore } from '../../core/ports';

/** Key to base64 ciphertext; a Map, so keys like `__proto__` are only keys. */
type Sealed = Map<string, string>;

/**
 * Secrets sealed with the OS keychain (safeStorage: DPAPI on Windows, Keychain on macOS,
 * libsecret/kwallet on Linux), kept as base64 in one JSON file in userData. Nothing is ever
 * written in the clear: without encryption, `set` fails with a message saying why.
 */
export function createSafeStorageSecretStore(file: string): SecretStore {
  function read(): Sealed {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
      throw error;
    }
    const parsed = parseJson(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new Error(`the secrets file is damaged (not a JSON object): ${file}`);
    }
    return new Map(
      Object.entries(parsed).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string',
      ),
    );
  }

  function write(sealed: Sealed): void {
    mkdirSync(dirname(file), { recursive: true });
    const temp = `${file}.tmp`;
    writeFileSync(temp, JSON.stringify(Object.fromEntries(sealed)), { mode: 0o600 });
    renameSync(temp, file);
  }

  return {
    async get(key) {
      const sealed = read().get(checkKey(key));
      if (sealed === undefined) return null;
      try {
        return safeStorage.decryptString(Buffer.from(sealed, 'base64'));
      } catch {
        // The OS key changed (new Windows profile, restored backup): the secret is gone for
        // good, and "not stored" makes the user sign in again.
        return null;
      }
    },

    async set(key, value) {
      if (!safeStorage.isEncryptionAvailable()) {
        throw new Error('the OS keychain is not available, so the secret was not stored');
      }
      const sealed = read();
      sealed.set(checkKey(key), safeStorage.encryptString(value).toString('base64'));
      write(sealed);
    },

    async delete(key) {
      const sealed = read();
      if (sealed.delete(checkKey(key))) write(sealed);
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function checkKey(key: string): string {
  if (typeof key !== 'string' || key.length === 0 || key.length > 200) {
    throw new Error('a secret key must be a string of 1 to 200 characters');
  }
  return key;
}
