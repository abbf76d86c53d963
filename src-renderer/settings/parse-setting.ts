/** What a typed setting becomes: the value to save, or why it cannot be one. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * "5" is five minutes. Only the shape is checked here; the range (and "extended away must come
 * after away") is the core's to say, so the words match whatever it enforces.
 */
export function parseWholeMinutes(text: string): Parsed<number> {
  const trimmed = text.trim();
  if (!/^\d{1,6}$/.test(trimmed)) return { ok: false, message: 'Enter a whole number of minutes.' };
  return { ok: true, value: Number(trimmed) };
}

/** An accelerator as typed ("CommandOrControl+Shift+A"); the core and the OS judge the rest. */
export function parseHotkey(text: string): Parsed<string> {
  const trimmed = text.trim().replace(/\s*\+\s*/g, '+');
  if (trimmed === '')
    return { ok: false, message: 'Type a key combination, like CommandOrControl+Shift+A.' };
  return { ok: true, value: trimmed };
}
