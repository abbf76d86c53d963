import Store from 'electron-store';
import type { SettingsStore } from '../../core/ports';

/**
 * Settings in `settings.json` in userData (electron-store: atomic writes). Keys are taken as
 * written: "sounds.enabled" is one key, not a path into an object.
 */
export function createElectronSettingsStore(): SettingsStore {
  const store = new Store<Record<string, unknown>>({
    name: 'settings',
    accessPropertiesByDotNotation: false,
    // A settings file damaged by a crash or a hand edit starts over instead of stopping the app.
    clearInvalidConfig: true,
  });
  return {
    get<T>(key: string, fallback: T): T {
      return store.has(key) ? (store.get(key) as T) : fallback;
    },
    set(key, value) {
      // electron-store refuses undefined; to the core it means "back to the default".
      if (value === undefined) store.delete(key);
      else store.set(key, value);
    },
  };
}
