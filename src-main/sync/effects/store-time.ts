/**
 * "Tue, Jan 16, 3:00 PM CST": an instant as the store's staff read it, worded as the cloud
 * words its appointment events (src-cloud/mutations/store-time.ts), so the stand-in event
 * reads the same as the one that replaces it.
 */
export function storeTime(at: number, timeZone: string | undefined): string {
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
