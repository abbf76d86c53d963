import type { FormErrors } from './form-errors';

export const DISPOSITION_MAX = 100;
export const MAX_DISPOSITIONS = 50;

/**
 * The store's conversation dispositions in the manager's order: each one non-blank, at most
 * 100 characters, none twice (any case). Errors go under `dispositions.N`.
 */
export function parseDispositions(drafts: readonly string[], errors: FormErrors): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  drafts.forEach((draft, index) => {
    const text = draft.trim();
    const key = `dispositions.${index}`;
    if (!text) errors[key] = `Disposition ${index + 1} is empty`;
    else if (text.length > DISPOSITION_MAX) {
      errors[key] = `Disposition ${index + 1} is over ${DISPOSITION_MAX} characters`;
    } else if (seen.has(text.toLowerCase())) errors[key] = `“${text}” is listed twice`;
    else {
      seen.add(text.toLowerCase());
      kept.push(text);
    }
  });
  if (drafts.length > MAX_DISPOSITIONS) {
    errors.dispositions = `at most ${MAX_DISPOSITIONS} dispositions, not ${drafts.length}`;
  }
  return kept;
}

/** The list with item `index` moved one place up (-1) or down (+1); unchanged at the ends. */
export function moveItem<T>(items: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (index < 0 || index >= items.length || to < 0 || to >= items.length) return [...items];
  const next = [...items];
  [next[index], next[to]] = [next[to] as T, next[index] as T];
  return next;
}
