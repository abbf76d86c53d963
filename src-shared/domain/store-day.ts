import { z } from 'zod';

/**
 * Calendar days and wall-clock times in a store's time zone, with Intl only (no tz database of
 * our own). A store's day runs from its local midnight to the next one, so it lasts 23 or 25
 * hours on a daylight-saving change; a wall time that the change skips moves forward, one that
 * it repeats means the earlier instant (what a person setting an appointment expects).
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** "2024-03-10": a real calendar date (2024-02-30 is refused). */
export const StoreDay = z
  .string()
  .regex(DAY_PATTERN, 'must be a day as YYYY-MM-DD')
  .refine((day) => parseDay(day) !== null, 'is not a calendar date');
export type StoreDay = z.infer<typeof StoreDay>;

/** "14:30": a wall-clock time, 24-hour. */
export const WallTime = z.string().regex(TIME_PATTERN, 'must be a time as HH:MM (24-hour)');

function parseDay(day: string): { y: number; m: number; d: number } | null {
  const match = DAY_PATTERN.exec(day);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(y, m - 1, d));
  const real =
    probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
  return real ? { y, m, d } : null;
}

function requireDay(day: string): { y: number; m: number; d: number } {
  const parsed = parseDay(day);
  if (!parsed) throw new Error(`"${day}" is not a day as YYYY-MM-DD`);
  return parsed;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function formatDayUtc(date: Date): string {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

const partsFormats = new Map<string, Intl.DateTimeFormat>();
function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let format = partsFormats.get(timeZone);
  if (!format) {
    // Throws a RangeError for a zone this runtime does not know: the caller names the store.
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormats.set(timeZone, format);
  }
  return format;
}

/** The wall clock of `at` in the zone, as a UTC timestamp of the same reading. */
function wallClockAsUtc(at: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of partsFormat(timeZone).formatToParts(at)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/** How far the zone's clock is ahead of UTC at `at` (negative west of Greenwich). */
function offsetAt(at: number, timeZone: string): number {
  const whole = Math.floor(at / 1000) * 1000;
  return wallClockAsUtc(whole, timeZone) - whole;
}

/** The instant a wall-clock reading (given as a UTC timestamp of that reading) happens. */
function instantOfWallClock(wall: number, timeZone: string): number {
  // Real zones change offset at most once in two days, so the offsets a day either side are
  // the only candidates.
  const before = offsetAt(wall - DAY_MS, timeZone);
  const after = offsetAt(wall + DAY_MS, timeZone);
  const fits = [wall - before, wall - after].filter((at) => wall - offsetAt(at, timeZone) === at);
  if (fits.length > 0) return Math.min(...fits);
  // Skipped by a change to summer time: read the clock as it was, which lands after the gap.
  return wall - before;
}

/** The day `at` falls on in the zone. */
export function storeDayOf(at: number, timeZone: string): string {
  return formatDayUtc(new Date(wallClockAsUtc(at, timeZone)));
}

/** "09:05": the wall-clock time of `at` in the zone. */
export function storeTimeOfDay(at: number, timeZone: string): string {
  const wall = new Date(wallClockAsUtc(at, timeZone));
  return `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`;
}

/** The day `days` after (or, negative, before) a day; calendar arithmetic, no zone involved. */
export function addDays(day: string, days: number): string {
  const { y, m, d } = requireDay(day);
  return formatDayUtc(new Date(Date.UTC(y, m - 1, d + days)));
}

/** The store's day as instants: from its first moment up to, not including, the next day's. */
export function storeDayBounds(day: string, timeZone: string): { start: number; end: number } {
  const { y, m, d } = requireDay(day);
  return {
    start: instantOfWallClock(Date.UTC(y, m - 1, d), timeZone),
    end: instantOfWallClock(Date.UTC(y, m - 1, d + 1), timeZone),
  };
}

/** The instant of a day and wall-clock time ("14:30") in the store's zone. */
export function storeInstant(day: string, time: string, timeZone: string): number {
  const { y, m, d } = requireDay(day);
  const match = TIME_PATTERN.exec(time);
  if (!match) throw new Error(`"${time}" is not a time as HH:MM`);
  return instantOfWallClock(Date.UTC(y, m - 1, d, Number(match[1]), Number(match[2])), timeZone);
}
