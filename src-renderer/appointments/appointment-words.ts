import type { AppointmentStatus } from '../../src-shared/domain/appointment';

export const APPOINTMENT_STATUS_LABELS: Record<AppointmentStatus, string> = {
  booked: 'Booked',
  showed: 'Showed',
  no_show: 'No-show',
  cancelled: 'Cancelled',
};

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** "3:00 PM MDT": an appointment's time as the store reads it. */
export function formatTimeInZone(at: number, timeZone: string): string {
  let format = timeFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat(undefined, {
      timeZone,
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
    });
    timeFormats.set(timeZone, format);
  }
  return format.format(at);
}

/** "Tuesday, June 11, 2024" for a YYYY-MM-DD day (a calendar date, so read in UTC). */
export function formatDayLong(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(undefined, {
    timeZone: 'UTC',
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    year: 'numeric',
  }).format(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}
