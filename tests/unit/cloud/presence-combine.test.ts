import { describe, expect, test } from 'vitest';
import { combineDevices, samePresence, type DeviceRow } from '../../../src-cloud/presence/combine';
import { DEVICE_SILENT_MS } from '../../../src-shared/presence/presence';

const NOW = 10_000_000;
const device = (row: Partial<DeviceRow>): DeviceRow => ({
  state: 'online',
  reason: 'active',
  since: NOW - 60_000,
  seenAt: NOW - 1_000,
  ...row,
});

describe("a user's presence from their devices", () => {
  test.each([
    ['online beats away', ['away', 'online'], 'online'],
    ['away beats extended away', ['extended_away', 'away'], 'away'],
    ['extended away beats offline', ['offline', 'extended_away'], 'extended_away'],
    ['online beats everything', ['offline', 'extended_away', 'online', 'away'], 'online'],
  ] as const)('%s', (_name, states, expected) => {
    const devices = states.map((state) => device({ state, reason: 'manual' }));
    expect(combineDevices(devices, NOW).state).toBe(expected);
  });

  test('between equally available devices, the most recent change gives reason and since', () => {
    const devices = [
      device({ state: 'away', reason: 'idle', since: NOW - 9_000 }),
      device({ state: 'away', reason: 'locked', since: NOW - 2_000 }),
      device({ state: 'away', reason: 'manual', since: NOW - 5_000 }),
    ];
    expect(combineDevices(devices, NOW)).toEqual({
      state: 'away',
      reason: 'locked',
      since: NOW - 2_000,
    });
  });

  test('a device silent for longer than 45 s does not count', () => {
    const devices = [
      device({ state: 'online', seenAt: NOW - DEVICE_SILENT_MS - 1 }),
      device({ state: 'away', reason: 'idle', seenAt: NOW - DEVICE_SILENT_MS }),
    ];
    expect(combineDevices(devices, NOW)).toMatchObject({ state: 'away', reason: 'idle' });
  });

  test('with no device live, the user is offline: disconnected from when the last went silent', () => {
    const lastSeen = NOW - DEVICE_SILENT_MS - 5_000;
    const devices = [
      device({ seenAt: lastSeen }),
      device({ seenAt: lastSeen - 60_000, state: 'offline', reason: 'signed_out' }),
    ];
    expect(combineDevices(devices, NOW)).toEqual({
      state: 'offline',
      reason: 'disconnected',
      since: lastSeen + DEVICE_SILENT_MS,
    });
  });

  test('with no device live, the last device heard from gives its own offline reason', () => {
    const devices = [
      device({
        state: 'offline',
        reason: 'disconnected',
        since: NOW - 90_000,
        seenAt: NOW - 99_000,
      }),
      device({ state: 'offline', reason: 'signed_out', since: NOW - 3_000, seenAt: NOW - 3_000 }),
    ];
    expect(combineDevices(devices, NOW)).toEqual({
      state: 'offline',
      reason: 'signed_out',
      since: NOW - 3_000,
    });
  });

  test('a user without devices is offline, disconnected, never seen', () => {
    expect(combineDevices([], NOW)).toEqual({ state: 'offline', reason: 'disconnected', since: 0 });
  });

  test('a new since alone is not a change worth announcing; a new reason is', () => {
    const a = { state: 'away', reason: 'idle', since: 1 } as const;
    expect(samePresence(a, { ...a, since: 2 })).toBe(true);
    expect(samePresence(a, { ...a, reason: 'locked' })).toBe(false);
    expect(samePresence(a, { ...a, state: 'extended_away' })).toBe(false);
  });
});
