/**
 * A cell as spreadsheets read it safely: a text starting with = + - @ (or a tab or carriage
 * return) would run as a formula in Excel or Sheets ("CSV injection"), so it gets a leading
 * apostrophe; a cell with a comma, quote or line break is quoted, its quotes doubled (RFC 4180).
 */
export function csvCell(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  const guarded = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** Rows of cells as CSV text, CRLF line ends (RFC 4180), the header first. */
export function csvText(
  header: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
