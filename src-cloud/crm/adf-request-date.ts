import { wallPartsAt } from '../../src-shared/domain/zoned-time';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * `instant` as the spec's CCYY-MM-DDThh:mm:ss+hh:mm in the store's time zone: CRMs show the
 * request time as the store's clock read it. Throws a RangeError naming an unknown zone.
 */
export function isoWithOffset(instant: number, timeZone: string): string {
  const p = wallPartsAt(instant, timeZone);
  const wholeSecond = Math.floor(instant / 1000) * 1000;
  const wallAsUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  const offsetMinutes = Math.round((wallAsUtc - wholeSecond) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const date = `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
  const time = `${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
  return `${date}T${time}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
