/**
 * What the writer of a reply wrote, without the history their mail program quoted under it:
 * everything from an attribution line ("On Mon, Jan 5, 2026, Pat <pat@x> wrote:", possibly
 * wrapped over two lines), an Outlook "-----Original Message-----" or "From: ... Sent: ..."
 * block on is cut, and `>` lines are dropped. The raw email is kept elsewhere; this is only what
 * the thread shows. When stripping would leave nothing, the text is shown whole.
 */
export function stripQuoted(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const cut = historyStart(lines);
  const kept = lines.slice(0, cut).filter((line) => !/^\s*>/.test(line));
  const stripped = kept
    .join('\n')
    .replace(/[ \t]+$/gm, '')
    .trim();
  return stripped || text.trim();
}

const ORIGINAL = /^\s*-{2,}\s*(original message|forwarded message)\s*-{2,}\s*$/i;
const ON_WROTE = /^\s*on\b.*\bwrote:\s*$/i;
const ON_START = /^\s*on\b.{4,}$/i;
const WROTE_END = /\bwrote:\s*$/i;
/** Outlook's separator line, then a From: header of the quoted mail. */
const UNDERSCORES = /^\s*_{8,}\s*$/;
const FROM_HEADER = /^\s*\*?from:\*?\s/i;
const SENT_HEADER = /^\s*\*?(sent|date):\*?\s/i;

function historyStart(lines: string[]): number {
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    const next = lines[i + 1] ?? '';
    if (ORIGINAL.test(line) || ON_WROTE.test(line)) return i;
    // Gmail and Apple Mail wrap a long attribution over two lines.
    if (ON_START.test(line) && !WROTE_END.test(line) && WROTE_END.test(next) && next.length < 120)
      return i;
    if (UNDERSCORES.test(line) && FROM_HEADER.test(next)) return i;
    if (FROM_HEADER.test(line) && SENT_HEADER.test(next) && i > 0) return i;
  }
  return lines.length;
}
