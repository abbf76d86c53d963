import Conf from 'conf';
import type { SettingsStore } from '../../core/ports';

/** Settings as JSON in the data folder (`settings.json`), through `conf` as in Electron. */
export class ConfSettingsStore implements SettingsStore {
  private readonly conf: Conf<Record<string, unknown>>;

  constructor(dataDir: string) {
    // Dots are ordinary characters in our keys ("presence.awayAfterMinutes"), not paths.
    this.conf = new Conf({
      cwd: dataDir,
      configName: 'settings',
      accessPropertiesByDotNotation: false,
    });
  }

  get<T>(key: string, fallback: T): T {
    return this.conf.has(key) ? (this.conf.get(key) as T) : fallback;
  }

  set(key: string, value: unknown): void {
    // conf refuses undefined; storing "nothing" means forgetting the key.
    if (value === undefined) this.conf.delete(key);
    else this.conf.set(key, value);
  }
}
