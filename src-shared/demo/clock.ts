/**
 * Local time in the demo stores' zones without Intl on the hot path (a million messages): each
 * zone is its standard offset plus the US daylight-saving rule where it applies. The unit tests
 * check it against Intl.
 */
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export interface DemoZone {
  /** IANA name, as stored on the Store row. */
  name: string;
  standardOffsetMinutes: number;
  observesDst: boolean;
}

const dstCache = new Map<string, { start: number; end: number }>();

function nthSundayUtc(year: number, month: number, nth: number): number {
  const firstDow = new Date(Date.UTC(year, month, 1)).getUTCDay();
  return 1 + ((7 - firstDow) % 7) + 7 * (nth - 1);
}

/** US rule since 2007: from the second Sunday of March to the first Sunday of November, 2 am. */
function dstWindow(zone: DemoZone, year: number): { start: number; end: number } {
  const key = `${zone.name}:${year}`;
  let window = dstCache.get(key);
  if (!window) {
    const standard = zone.standardOffsetMinutes * MINUTE;
    window = {
      start: Date.UTC(year, 2, nthSundayUtc(year, 2, 2), 2) - standard,
      end: Date.UTC(year, 10, nthSundayUtc(year, 10, 1), 2) - standard - HOUR,
    };
    dstCache.set(key, window);
  }
  return window;
}

/** The stretch of time around the last instant asked about, with one offset all through it. */
interface OffsetSpan {
  from: number;
  to: number;
  offset: number;
}
const lastSpan = new WeakMap<DemoZone, OffsetSpan>();

function spanAround(zone: DemoZone, at: number): OffsetSpan {
  const standard = zone.standardOffsetMinutes * MINUTE;
  const year = new Date(at + standard).getUTCFullYear();
  const { start, end } = dstWindow(zone, year);
  if (at < start) return { from: Date.UTC(year, 0, 1) - standard, to: start, offset: standard };
  if (at < end) return { from: start, to: end, offset: standard + HOUR };
  return { from: end, to: Date.UTC(year + 1, 0, 1) - standard, offset: standard };
}

export function offsetMs(zone: DemoZone, at: number): number {
  if (!zone.observesDst) return zone.standardOffsetMinutes * MINUTE;
  let span = lastSpan.get(zone);
  if (!span || at < span.from || at >= span.to) {
    span = spanAround(zone, at);
    lastSpan.set(zone, span);
  }
  return span.offset;
}

/** Hours since local midnight, with the fraction: 13.5 is 1:30 pm. */
export function localHour(zone: DemoZone, at: number): number {
  const local = at + offsetMs(zone, at);
  return (((local % DAY) + DAY) % DAY) / HOUR;
}

/**
 * Moves an instant forward into the window [openHour, closeHour) of local time, keeping it when
 * it is already inside; `jitter` (0..1) spreads the moved ones over the first hour and a half.
 */
export function intoHours(
  zone: DemoZone,
  at: number,
  openHour: number,
  closeHour: number,
  jitter: number,
): number {
  const hour = localHour(zone, at);
  if (hour >= openHour && hour < closeHour) return at;
  const untilOpen = hour < openHour ? openHour - hour : 24 - hour + openHour;
  return Math.round(at + untilOpen * HOUR + jitter * 90 * MINUTE);
}

/** The instant of a local wall-clock time on the local day of `at`, plus `days`. */
export function atLocalTime(
  zone: DemoZone,
  at: number,
  days: number,
  hour: number,
  minute: number,
) {
  const offset = offsetMs(zone, at);
  const localMidnight = Math.floor((at + offset) / DAY) * DAY;
  const wall = localMidnight + days * DAY + hour * HOUR + minute * MINUTE;
  return wall - offsetMs(zone, wall - offset);
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function localDate(zone: DemoZone, at: number): Date {
  return new Date(at + offsetMs(zone, at));
}

/** "10:30 AM" in the zone. */
export function formatTime(zone: DemoZone, at: number): string {
  const d = localDate(zone, at);
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  return `${h % 12 === 0 ? 12 : h % 12}:${String(m).padStart(2, '0')} ${h < 12 ? 'AM' : 'PM'}`;
}

/** "Sat, Mar 9 at 10:30 AM" in the zone. */
export function formatDateTime(zone: DemoZone, at: number): string {
  const d = localDate(zone, at);
  const date = `${WEEKDAYS[d.getUTCDay()]}, ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}`;
  return `${date} at ${formatTime(zone, at)}`;
}

/** 0 (Sunday) to 6 (Saturday), in the zone. */
export function localWeekday(zone: DemoZone, at: number): number {
  return localDate(zone, at).getUTCDay();
}
