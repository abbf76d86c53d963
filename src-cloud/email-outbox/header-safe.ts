/**
 * A line fit for an email header: control characters (CR and LF above all, which would start a
 * header of the sender's choosing), Unicode line and paragraph separators and runs of spaces
 * become one space. Names and subjects come from customers and agents; nodemailer encodes and
 * folds headers too, but a header line must never be ours to break.
 */
export function headerSafe(text: string, max = 200): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\s]+/g, ' ').trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).trimEnd()}…`;
}
