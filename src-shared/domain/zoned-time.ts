/**
 * Wall-clock times in an IANA time zone, through Intl only (no tz database of our own): an
 * appointment is typed as "Tuesday 10:00 at the store", wherever the agent sits.
 */

/** A date and time of day as a clock on the wall shows it: "2030-01-15", "15:00". */
export interface WallTime {
  date: string;
  time: string;
}

export interface WallParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 = Sunday, as Date#getUTCDay. */
  weekday: number;
}

const WEEKDAY_NUMBERS: Record<string, number> = {
  Sun: 0,
  Mon: 1,
  Tue: 2,
  Wed: 3,
  Thu: 4,
  Fri: 5,
  Sat: 6,
};

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Throws a RangeError naming the zone when this runtime does not know it. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        weekday: 'short',
      });
    } catch {
      throw new RangeError(`unknown time zone "${timeZone}"`);
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** What a clock in `timeZone` shows at `instant`. */
export function wallPartsAt(instant: number, timeZone: string): WallParts & { second: number } {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAY_NUMBERS[parts.weekday ?? ''] ?? 0,
  };
}

/** How far the zone's clocks are ahead of UTC at `instant`, in ms (negative west of Greenwich). */
function offsetAt(instant: number, timeZone: string): number {
  const p = wallPartsAt(instant, timeZone);
  const wallAsUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wallAsUtc - (instant - (((instant % 1000) + 1000) % 1000));
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "2030-01-15" and "15:00" as the zone's clocks show `instant`. */
export function wallTimeAt(instant: number, timeZone: string): WallTime {
  const p = wallPartsAt(instant, timeZone);
  return {
    date: `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`,
    time: `${pad(p.hour)}:${pad(p.minute)}`,
  };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})$/;
const DAY_MS = 86_400_000;

export type ZonedInstant = { ok: true; instant: number } | { ok: false; reason: string };

/**
 * The instant at which clocks in `timeZone` show `wall`. Around a daylight-saving change the
 * zone's offset differs on either side, so both offsets are tried and the result is checked by
 * reading the clock back: a time skipped when clocks go forward does not exist (refused, with
 * the reason), and a time that happens twice when they go back is the first of the two.
 */
export function instantOfWallTime(wall: WallTime, timeZone: string): ZonedInstant {
  const date = DATE.exec(wall.date);
  const time = TIME.exec(wall.time);
  if (!date) return { ok: false, reason: `"${wall.date}" is not a date (YYYY-MM-DD)` };
  if (!time) return { ok: false, reason: `"${wall.time}" is not a time of day (HH:MM)` };
  const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
  const [hour, minute] = [Number(time[1]), Number(time[2])];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(asUtc);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return { ok: false, reason: `${wall.date} is not a day of the calendar` };
  }
  if (hour > 23 || minute > 59) return { ok: false, reason: `${wall.time} is not a time of day` };
  if (!isKnownTimeZone(timeZone)) return { ok: false, reason: `unknown time zone "${timeZone}"` };

  // A day either side reaches past any change near this time (changes are months apart).
  const offsets = new Set([offsetAt(asUtc - DAY_MS, timeZone), offsetAt(asUtc + DAY_MS, timeZone)]);
  const matches = [...offsets]
    .map((offset) => asUtc - offset)
    .filter((instant) => {
      const back = wallTimeAt(instant, timeZone);
      return back.date === wall.date && back.time === wall.time;
    })
    .sort((a, b) => a - b);
  const first = matches[0];
  if (first === undefined) {
    return {
      ok: false,
      reason: `${wall.time} on ${wall.date} does not exist in ${timeZone}: the clocks skip it (daylight saving time)`,
    };
  }
  return { ok: true, instant: first };
}

/**
 * The first instant of a day on the zone's clocks: its midnight, or, where a clock change
 * skips midnight (Santiago, Havana), the moment just after the gap, when the day does begin.
 */
export function startOfDayIn(date: string, timeZone: string): number {
  const midnight = instantOfWallTime({ date, time: '00:00' }, timeZone);
  if (midnight.ok) return midnight.instant;
  const day = DATE.exec(date);
  if (!day || !isKnownTimeZone(timeZone)) throw new RangeError(midnight.reason);
  const asUtc = Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]));
  // Read with the offset in force before the gap, midnight lands just after it.
  return asUtc - offsetAt(asUtc - DAY_MS, timeZone);
}
