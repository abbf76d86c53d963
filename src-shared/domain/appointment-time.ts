import type { Store } from './tenant';
import { instantOfWallTime, isKnownTimeZone, wallPartsAt, type WallTime } from './zoned-time';

/** Why a time cannot be booked; a program may branch on `code`, a person reads `reason`. */
export type AppointmentTimeRefusal = {
  ok: false;
  code: 'in_past' | 'closed_day' | 'before_opening' | 'after_closing' | 'unknown_time_zone';
  reason: string;
};
export type AppointmentTimeCheck = { ok: true } | AppointmentTimeRefusal;

const DAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const DAY_NAMES = [
  'Sundays',
  'Mondays',
  'Tuesdays',
  'Wednesdays',
  'Thursdays',
  'Fridays',
  'Saturdays',
] as const;

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Whether an appointment may start at `startsAt`: in the future, and while the store is open,
 * read on the store's own clock (its business hours are in its time zone; a day without hours
 * is closed). The cloud enforces it on set and reschedule; the desktop asks first to explain
 * before anything is sent. A closing time at or before the opening time means open past
 * midnight ("00:00": until the end of the day).
 */
export function checkAppointmentTime(
  startsAt: number,
  store: Pick<Store, 'timeZone' | 'businessHours'>,
  now: number,
): AppointmentTimeCheck {
  if (startsAt <= now) {
    return {
      ok: false,
      code: 'in_past',
      reason: 'That time has already passed: an appointment must be in the future',
    };
  }
  if (!isKnownTimeZone(store.timeZone)) {
    return {
      ok: false,
      code: 'unknown_time_zone',
      reason: `The store's time zone "${store.timeZone}" is not known, so its hours cannot be checked`,
    };
  }
  const wall = wallPartsAt(startsAt, store.timeZone);
  const dayName = DAY_NAMES[wall.weekday] ?? 'that day';
  const hours = store.businessHours[DAY_KEYS[wall.weekday] ?? 'sun'];
  if (!hours) {
    return { ok: false, code: 'closed_day', reason: `The store is closed on ${dayName}` };
  }
  const at = wall.hour * 60 + wall.minute;
  const open = minutesOf(hours.open);
  const close = minutesOf(hours.close);
  if (at < open) {
    return {
      ok: false,
      code: 'before_opening',
      reason: `The store opens at ${hours.open} on ${dayName} (store time)`,
    };
  }
  if (close > open && at >= close) {
    return {
      ok: false,
      code: 'after_closing',
      reason: `The store closes at ${hours.close} on ${dayName} (store time)`,
    };
  }
  return { ok: true };
}

/**
 * A date and time typed on the store's clock, as the instant to book: refused with the cloud's
 * own reason when it does not exist (skipped by a clock change), is past, or falls outside the
 * store's hours, so that a form sends nothing the cloud would undo.
 */
export function appointmentInstant(
  wall: WallTime,
  store: Pick<Store, 'timeZone' | 'businessHours'>,
  now: number,
): { ok: true; instant: number } | { ok: false; reason: string } {
  const instant = instantOfWallTime(wall, store.timeZone);
  if (!instant.ok) return instant;
  const check = checkAppointmentTime(instant.instant, store, now);
  return check.ok ? instant : { ok: false, reason: check.reason };
}
