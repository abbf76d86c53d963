import { v7 as uuidv7 } from 'uuid';
import { Id } from '../../../src-shared';
import type { SettingsStore } from '../ports';

const DEVICE_ID_KEY = 'showroom.deviceId';

/**
 * This install's name in the cloud's presence (one person's laptop and desktop count
 * separately): a UUIDv7 made once per data folder and kept in its settings, so it survives
 * sign-outs, user switches and replica resets, which all replace the replica.
 */
export function deviceIdFrom(store: SettingsStore): string {
  const stored = store.get<unknown>(DEVICE_ID_KEY, null);
  if (Id.safeParse(stored).success) return stored as string;
  const made = uuidv7();
  store.set(DEVICE_ID_KEY, made);
  return made;
}
