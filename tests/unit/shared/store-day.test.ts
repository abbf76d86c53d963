import { describe, expect, it } from 'vitest';
import {
  addDays,
  storeDayBounds,
  storeDayOf,
  storeTimeOfDay,
  StoreDay,
  TimeOfDay,
} from '../../../src-shared/domain/store-day';

const HOUR = 3_600_000;

describe("days and times in a store's time zone", () => {
  it('runs a day from midnight to midnight on the store clock: 23 or 25 hours on a change', () => {
    expect(storeDayBounds('2024-06-11', 'America/Denver')).toEqual({
      start: Date.UTC(2024, 5, 11, 6),
      end: Date.UTC(2024, 5, 12, 6),
    });
    const spring = storeDayBounds('2024-03-10', 'America/Denver');
    expect(spring.end - spring.start).toBe(23 * HOUR);
    const fall = storeDayBounds('2024-11-03', 'America/Denver');
    expect(fall.end - fall.start).toBe(25 * HOUR);
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
    expect(TimeOfDay.safeParse('09:30').success).toBe(true);
    expect(TimeOfDay.safeParse('25:00').success).toBe(false);
  });
});
