/**
 * An instant as the store's staff and customers read it, in the store's own time zone (an
 * appointment at 3 PM in Denver is "3:00 PM MST" wherever the agent sits). A zone this runtime
 * does not know falls back to UTC, as formatStoreTime (src-shared/domain/store-time.ts) does.
 */
function inZone(at: number, timeZone: string, options: Intl.DateTimeFormatOptions): string {
  const format = (zone: string) =>
    new Intl.DateTimeFormat('en-US', { ...options, timeZone: zone }).format(at);
  try {
    return format(timeZone);
  } catch {
    return format('UTC');
  }
}

/** "3:00 PM MST" */
export function storeClockTime(at: number, timeZone: string): string {
  return inZone(at, timeZone, { hour: 'numeric', minute: '2-digit', timeZoneName: 'short' });
}

/** "Saturday, January 20" */
export function storeCalendarDate(at: number, timeZone: string): string {
  return inZone(at, timeZone, { weekday: 'long', month: 'long', day: 'numeric' });
}
