import { instantOfWallTime, wallTimeAt } from '../../../src-shared/domain/zoned-time';

export type ParsedWhen = { ok: true; value: number } | { ok: false; error: string };

const QUARTER = 15 * 60_000;

/**
 * A `datetime-local` value ("2030-01-14T10:00") read on the STORE's clock, as the instant a
 * scheduled message goes out: refused, with the reason, when it is past or skipped by a clock
 * change (the cloud would send a past time at once).
 */
export function parseScheduleWhen(value: string, timeZone: string, now: number): ParsedWhen {
  const [date = '', time = ''] = value.split('T');
  if (!date || !time) return { ok: false, error: 'Choose the date and time to send it' };
  const at = instantOfWallTime({ date, time: time.slice(0, 5) }, timeZone);
  if (!at.ok) return { ok: false, error: at.reason };
  if (at.instant <= now) return { ok: false, error: 'That time has passed: pick a later one' };
  return { ok: true, value: at.instant };
}

/** The form's value for an instant, on the store's clock. */
export function scheduleWhenValue(instant: number, timeZone: string): string {
  const wall = wallTimeAt(instant, timeZone);
  return `${wall.date}T${wall.time}`;
}

/** What the picker offers first: an hour from now, on the next quarter hour. */
export function suggestedScheduleTime(now: number): number {
  return Math.ceil((now + 3_600_000) / QUARTER) * QUARTER;
}
