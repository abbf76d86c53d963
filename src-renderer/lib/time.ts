const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const timeOfDay = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const monthDay = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const fullDate = new Intl.DateTimeFormat(undefined, { dateStyle: 'short' });
const dateAndTime = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});

function sameDay(a: Date, b: Date): boolean {
  return a.toDateString() === b.toDateString();
}

/** The queue's timestamp: the time today, the date this year, the full date before. */
export function formatQueueTime(at: number, now: number): string {
  const date = new Date(at);
  const today = new Date(now);
  if (sameDay(date, today)) return timeOfDay.format(date);
  if (date.getFullYear() === today.getFullYear()) return monthDay.format(date);
  return fullDate.format(date);
}

/** A thread item's timestamp; always complete, since a thread can span years. */
export function formatThreadTime(at: number): string {
  return dateAndTime.format(new Date(at));
}

/** "2h 5m", "3d 4h", "12m", "<1m": how long a customer has been waiting, never negative. */
export function formatWaited(since: number, now: number): string {
  const waited = Math.max(0, now - since);
  if (waited >= DAY) return `${Math.floor(waited / DAY)}d ${Math.floor((waited % DAY) / HOUR)}h`;
  if (waited >= HOUR)
    return `${Math.floor(waited / HOUR)}h ${Math.floor((waited % HOUR) / MINUTE)}m`;
  if (waited < MINUTE) return '<1m';
  return `${Math.floor(waited / MINUTE)}m`;
}
