import type { AllowedWindow, QuietHours } from '../domain/quiet-hours-settings';
import { instantOfWallTime, wallTimeAt } from '../domain/zoned-time';
import { customerZone, type CustomerWhereabouts, type CustomerZone } from './customer-zone';

/** What quiet hours need of a store: its own zone (the fallback) and its windows. */
export interface QuietHoursStore {
  timeZone: string;
  quietHours: QuietHours;
}

/**
 * The window that applies to a customer in `state`: the store's default, narrowed by that
 * state's window when the store set one (intersected, so a state can only make it stricter).
 */
export function allowedWindowFor(state: string | null, quietHours: QuietHours): AllowedWindow {
  const stricter = state === null ? undefined : quietHours.states[state];
  if (stricter === undefined) return quietHours.allowed;
  const start = max(quietHours.allowed.start, stricter.start);
  const end = min(quietHours.allowed.end, stricter.end);
  // Two windows that do not overlap leave no time at all: keep the stricter one whole rather
  // than never texting (the settings screen refuses such a pair; an old row may hold one).
  return start < end ? { start, end } : stricter;
}

/** Where the customer is and which window their clock must show, for the agent to read. */
export interface QuietHoursVerdict {
  zone: CustomerZone;
  window: AllowedWindow;
  /** "22:14": the customer's clock at the instant asked about. */
  localTime: string;
  allowed: boolean;
  /** The instant asked about when allowed, else the next allowed minute. */
  nextAllowed: number;
}

/** Everything about one instant for one customer (the live-reply warning's wording). */
export function quietHoursAt(
  now: number,
  customer: CustomerWhereabouts,
  store: QuietHoursStore,
): QuietHoursVerdict {
  const zone = customerZone(customer, store.timeZone);
  const window = allowedWindowFor(zone.state, store.quietHours);
  const local = wallTimeAt(now, zone.timeZone);
  const allowed = window.start <= local.time && local.time < window.end;
  const nextAllowed = allowed ? now : nextWindowStart(now, zone.timeZone, window);
  return { zone, window, localTime: local.time, allowed, nextAllowed };
}

/**
 * True when `now` falls outside the customer's allowed window, in their quiet hours: a
 * proactive text must wait, and an agent's live reply goes out with a warning.
 */
export function isOutsideQuietHours(
  now: number,
  customer: CustomerWhereabouts,
  store: QuietHoursStore,
): boolean {
  return !quietHoursAt(now, customer, store).allowed;
}

/** `now` itself when a text may go out then, else the next allowed minute (8:00 their time). */
export function nextAllowedInstant(
  now: number,
  customer: CustomerWhereabouts,
  store: QuietHoursStore,
): number {
  return quietHoursAt(now, customer, store).nextAllowed;
}

const DAY_MS = 86_400_000;

/** The window's next start after `now` (which is outside it): today's if still ahead, else tomorrow's. */
function nextWindowStart(now: number, timeZone: string, window: AllowedWindow): number {
  const local = wallTimeAt(now, timeZone);
  const date = local.time < window.start ? local.date : nextDate(local.date);
  const start = instantOfWallTime({ date, time: window.start }, timeZone);
  if (start.ok) return start.instant;
  // The start fell in a daylight-saving gap (never at 8:00 in North America, but a store may
  // open its window at 2:00): the first minute that exists after it.
  return firstMinuteAfterGap(date, window.start, timeZone);
}

function nextDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day) + DAY_MS).toISOString().slice(0, 10);
}

function firstMinuteAfterGap(date: string, time: string, timeZone: string): number {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  for (let step = 1; step <= 180; step++) {
    const total = hour * 60 + minute + step;
    const candidate = `${pad(Math.floor(total / 60) % 24)}:${pad(total % 60)}`;
    const found = instantOfWallTime({ date, time: candidate }, timeZone);
    if (found.ok) return found.instant;
  }
  throw new RangeError(`no time after ${time} on ${date} in ${timeZone}`);
}

const pad = (n: number) => String(n).padStart(2, '0');
const max = (a: string, b: string) => (a > b ? a : b);
const min = (a: string, b: string) => (a < b ? a : b);
