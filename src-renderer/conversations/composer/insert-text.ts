/** Where the caret was and what is selected, as a textarea reports it. */
export interface Selection {
  start: number;
  end: number;
}

/**
 * Puts `inserted` in place of the selection (or at the caret), with a space before it when it
 * would otherwise run into a word. Returns the new text and where the caret goes.
 */
export function insertAt(
  text: string,
  selection: Selection,
  inserted: string,
): { text: string; caret: number } {
  const start = Math.max(0, Math.min(selection.start, text.length));
  const end = Math.max(start, Math.min(selection.end, text.length));
  const before = text.slice(0, start);
  const glue = before && !/\s$/.test(before) && !/^\s/.test(inserted) ? ' ' : '';
  const next = `${before}${glue}${inserted}${text.slice(end)}`;
  return { text: next, caret: start + glue.length + inserted.length };
}
