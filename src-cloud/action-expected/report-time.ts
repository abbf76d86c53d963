import { addDays, storeDayOf } from '../../src-shared/domain/store-day';
import { instantOfWallTime } from '../../src-shared/domain/zoned-time';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * When a store's report for `day` goes out: `hour`:00 on the store's clocks. On the night the
 * clocks skip that hour (daylight saving starts at 2:00 where the report is set for 2), it goes
 * out at the first minute that exists after it; on the night an hour happens twice, the first.
 */
export function reportRunAt(day: string, hour: number, timeZone: string): number {
  for (let minutes = hour * 60; minutes < hour * 60 + 6 * 60; minutes += 15) {
    const next = addDays(day, Math.floor(minutes / 1440));
    const time = `${pad(Math.floor(minutes / 60) % 24)}:${pad(minutes % 60)}`;
    const at = instantOfWallTime({ date: next, time }, timeZone);
    if (at.ok) return at.instant;
  }
  throw new RangeError(`no ${hour}:00 on ${day} in ${timeZone}`);
}

/**
 * The store days whose report may still be planned at `now`: today's (sent late the same
 * evening if no cloud was running at the hour) and tomorrow's (planned ahead, so it is due on
 * time whatever the planning rhythm).
 */
export function reportDays(now: number, timeZone: string): [string, string] {
  const today = storeDayOf(now, timeZone);
  return [today, addDays(today, 1)];
}
