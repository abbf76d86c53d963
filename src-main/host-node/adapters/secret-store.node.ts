import { chmod, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SecretStore } from '../../core/ports';

/**
 * Secrets for the browser host: a JSON file only this OS user may read (0600). Weaker than
 * Electron's safeStorage (no OS keychain), which is why only the browser host uses it.
 */
export class FileSecretStore implements SecretStore {
  readonly file: string;
  /** Writes one after another, so two sets never race on the temp file. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(dataDir: string) {
    this.file = join(dataDir, 'secrets.json');
  }

  async get(key: string): Promise<string | null> {
    return (await this.read())[key] ?? null;
  }

  set(key: string, value: string): Promise<void> {
    return this.update((secrets) => ({ ...secrets, [key]: value }));
  }

  delete(key: string): Promise<void> {
    return this.update((secrets) => {
      const { [key]: _removed, ...rest } = secrets;
      return rest;
    });
  }

  private update(change: (secrets: Record<string, string>) => Record<string, string>) {
    const next = this.queue.then(async () => this.write(change(await this.read())));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async read(): Promise<Record<string, string>> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new Error(`${this.file} is not valid JSON; delete it to sign in again`);
    }
    if (!isStringRecord(parsed)) {
      throw new Error(`${this.file} must hold an object of strings; delete it to sign in again`);
    }
    return parsed;
  }

  private async write(secrets: Record<string, string>): Promise<void> {
    const temp = `${this.file}.${process.pid}.tmp`;
    // Created 0600 so the secret is never readable by others, even for a moment.
    await writeFile(temp, JSON.stringify(secrets), { mode: 0o600 });
    await chmod(temp, 0o600);
    await rename(temp, this.file);
  }
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((entry) => typeof entry === 'string')
  );
}
