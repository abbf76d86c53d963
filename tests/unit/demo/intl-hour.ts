/** Hours since local midnight (13.5 is 1:30 pm) as Intl sees them: what the demo clock must match. */
const formats = new Map<string, Intl.DateTimeFormat>();

export function intlHour(timeZone: string, at: number): number {
  let format = formats.get(timeZone);
  if (!format) {
    const options = { timeZone, hour: 'numeric', minute: 'numeric', hourCycle: 'h23' } as const;
    format = new Intl.DateTimeFormat('en-US', options);
    formats.set(timeZone, format);
  }
  const parts = format.formatToParts(at);
  const value = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return value('hour') + value('minute') / 60;
}
