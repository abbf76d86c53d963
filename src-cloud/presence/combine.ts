import {
  DEVICE_SILENT_MS,
  PRESENCE_STATES,
  type Presence,
  type PresenceReason,
  type PresenceState,
} from '../../src-shared/presence/presence';

/** One row of device_presence, as the combination reads it. */
export interface DeviceRow {
  state: PresenceState;
  reason: PresenceReason;
  since: number;
  seenAt: number;
}

/** A device counts while it is not offline and has been heard from within DEVICE_SILENT_MS. */
export function isLive(device: DeviceRow, now: number): boolean {
  return device.state !== 'offline' && now - device.seenAt <= DEVICE_SILENT_MS;
}

/**
 * A user's presence (DESIGN §6): the most available of their live devices (the most recent
 * `since` among equals). With none live they are offline, for the reason the last device heard
 * from gave (signed out, manual) or, when it just went silent, 'disconnected'.
 */
export function combineDevices(devices: readonly DeviceRow[], now: number): Presence {
  const live = devices.filter((device) => isLive(device, now));
  if (live.length > 0) {
    const best = live.reduce((a, b) => (moreAvailable(b, a) ? b : a));
    return { state: best.state, reason: best.reason, since: best.since };
  }
  const last = [...devices].sort((a, b) => b.seenAt - a.seenAt || b.since - a.since)[0];
  if (!last) return { state: 'offline', reason: 'disconnected', since: 0 };
  if (last.state === 'offline') return { state: 'offline', reason: last.reason, since: last.since };
  // Not offline by its own word, only silent: offline from the moment it counted as silent.
  return {
    state: 'offline',
    reason: 'disconnected',
    since: Math.min(now, last.seenAt + DEVICE_SILENT_MS),
  };
}

function moreAvailable(a: DeviceRow, b: DeviceRow): boolean {
  const rank = PRESENCE_STATES.indexOf(a.state) - PRESENCE_STATES.indexOf(b.state);
  return rank < 0 || (rank === 0 && a.since > b.since);
}

/** A change worth announcing: the state or its reason (a new `since` alone is not one). */
export function samePresence(a: Presence, b: Presence): boolean {
  return a.state === b.state && a.reason === b.reason;
}
