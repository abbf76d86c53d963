import { describe, expect, it } from 'vitest';
import { DEMO_STORES } from '../../../src-shared/demo';
import { atLocalTime, HOUR, localHour } from '../../../src-shared/demo/clock';
import { intlHour } from './intl-hour';

describe('demo local time', () => {
  it('agrees with Intl in every store zone, across both daylight-saving changes', () => {
    const from = Date.UTC(2024, 0, 1);
    for (const { zone } of DEMO_STORES) {
      for (let at = from; at < from + 400 * 24 * HOUR; at += 7 * HOUR + 13 * 60_000) {
        const where = `${zone.name} at ${new Date(at).toISOString()}`;
        expect(localHour(zone, at), where).toBeCloseTo(intlHour(zone.name, at), 6);
      }
    }
  });

  it('finds a wall-clock time on a later local day', () => {
    const denver = DEMO_STORES[0]!.zone;
    const at = atLocalTime(denver, Date.UTC(2025, 5, 15, 18), 2, 10, 30);
    expect(new Date(at).toISOString()).toBe('2025-06-17T16:30:00.000Z');
  });
});
