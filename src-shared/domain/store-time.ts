/**
 * "Tue, Jan 16, 3:00 PM CST": an instant as a store's staff and customers read it. The cloud
 * words timeline events with it and the desktop its optimistic stand-ins, so the two read alike.
 */
export function formatStoreTime(at: number, timeZone: string | undefined): string {
  const format = (zone: string) =>
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      weekday: 'short',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
    }).format(at);
  try {
    return format(timeZone ?? 'UTC');
  } catch {
    return format('UTC'); // a store saved with a zone this runtime does not know
  }
}
