/**
 * Text as it may go into an ADF document. Escaping <, & and quotes is xmlbuilder's job; what
 * XML 1.0 forbids outright (C0 controls other than tab, newline and carriage return, lone
 * surrogates, U+FFFE and U+FFFF) cannot be escaped at all, so it is dropped here.
 */
const XML_FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- these are exactly the characters to drop
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Drops what XML 1.0 forbids and turns CR and CRLF into plain newlines. */
export function xmlSafe(text: string): string {
  return text.replace(XML_FORBIDDEN, '').replace(/\r\n?/g, '\n');
}

/** One line of XML-safe text: runs of whitespace (newlines, tabs) become one space. */
export function xmlSafeLine(text: string): string {
  return xmlSafe(text).replace(/\s+/g, ' ').trim();
}

/** Cuts `text` to at most `max` characters (code points), marking the cut with an ellipsis. */
export function capped(text: string, max: number): string {
  const points = Array.from(text);
  if (points.length <= max) return text;
  return points.slice(0, Math.max(0, max - 1)).join('') + '…';
}
