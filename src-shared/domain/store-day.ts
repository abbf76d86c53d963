import { z } from 'zod';
import { startOfDayIn, wallTimeAt } from './zoned-time';

/**
 * A store's calendar days. A day runs from the store's local midnight to the next one, so it
 * lasts 23 or 25 hours on a daylight-saving change; the clock arithmetic is zoned-time.ts's.
 */

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** "2024-03-10": a real calendar date (2024-02-30 is refused). */
export const StoreDay = z
  .string()
  .regex(DAY_PATTERN, 'must be a day as YYYY-MM-DD')
  .refine((day) => parseDay(day) !== null, 'is not a calendar date');
export type StoreDay = z.infer<typeof StoreDay>;

/** "14:30": a time of day, 24-hour. */
export const TimeOfDay = z.string().regex(TIME_PATTERN, 'must be a time as HH:MM (24-hour)');

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

/** The day `at` falls on in the zone. */
export function storeDayOf(at: number, timeZone: string): string {
  return wallTimeAt(at, timeZone).date;
}

/** "09:05": the wall-clock time of `at` in the zone. */
export function storeTimeOfDay(at: number, timeZone: string): string {
  return wallTimeAt(at, timeZone).time;
}

/** The day `days` after (or, negative, before) a day; calendar arithmetic, no zone involved. */
export function addDays(day: string, days: number): string {
  const { y, m, d } = requireDay(day);
  return formatDayUtc(new Date(Date.UTC(y, m - 1, d + days)));
}

/** The store's day as instants: from its first moment up to, not including, the next day's. */
export function storeDayBounds(day: string, timeZone: string): { start: number; end: number } {
  requireDay(day);
  return { start: startOfDayIn(day, timeZone), end: startOfDayIn(addDays(day, 1), timeZone) };
}
