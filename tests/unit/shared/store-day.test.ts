import { describe, expect, it } from 'vitest';
import {
  addDays,
  storeDayBounds,
  storeDayOf,
  storeInstant,
  storeTimeOfDay,
  StoreDay,
} from '../../../src-shared/domain/store-day';

const HOUR = 3_600_000;

describe("days and times in a store's time zone", () => {
  it('reads a wall-clock time in the zone, summer and winter', () => {
    expect(storeInstant('2024-06-11', '09:30', 'America/Denver')).toBe(
      Date.UTC(2024, 5, 11, 15, 30),
    );
    expect(storeInstant('2024-01-11', '09:30', 'America/Denver')).toBe(
      Date.UTC(2024, 0, 11, 16, 30),
    );
    expect(storeInstant('2024-06-11', '09:30', 'Pacific/Honolulu')).toBe(
      Date.UTC(2024, 5, 11, 19, 30),
    );
  });

  it('moves a time the clock skips forward, and takes the first of a time it repeats', () => {
    // 02:30 does not exist in Denver on 2024-03-10: it reads as 03:30 MDT.
    expect(storeInstant('2024-03-10', '02:30', 'America/Denver')).toBe(
      Date.UTC(2024, 2, 10, 9, 30),
    );
    // 01:30 happens twice on 2024-11-03: first in MDT (07:30Z), then MST.
    expect(storeInstant('2024-11-03', '01:30', 'America/Denver')).toBe(
      Date.UTC(2024, 10, 3, 7, 30),
    );
  });

  it('starts a day at its first moment even where midnight is skipped', () => {
    // Chile moved its clocks from 00:00 to 01:00 on 2024-09-08.
    const { start, end } = storeDayBounds('2024-09-08', 'America/Santiago');
    expect(start).toBe(Date.UTC(2024, 8, 8, 4));
    expect(storeTimeOfDay(start, 'America/Santiago')).toBe('01:00');
    expect(end - start).toBe(23 * HOUR);
  });

  it('names the day of an instant and steps days across months and leap years', () => {
    expect(storeDayOf(Date.UTC(2024, 0, 1, 3), 'America/Denver')).toBe('2023-12-31');
    expect(storeDayOf(Date.UTC(2024, 0, 1, 3), 'UTC')).toBe('2024-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
  });

  it('refuses what is not a calendar day or a time', () => {
    expect(StoreDay.safeParse('2024-06-11').success).toBe(true);
    expect(StoreDay.safeParse('2024-02-30').success).toBe(false);
    expect(StoreDay.safeParse('2024-6-1').success).toBe(false);
    expect(StoreDay.safeParse('tomorrow').success).toBe(false);
    expect(() => storeDayBounds('2024-13-01', 'UTC')).toThrow(/YYYY-MM-DD/);
    expect(() => storeInstant('2024-06-11', '25:00', 'UTC')).toThrow(/HH:MM/);
  });
});
