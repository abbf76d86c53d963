import type { SmartFieldContext } from './context';
import { smartField } from './fields';

/** `{word.word}` is a smart field; any other braces are the agent's own text. */
const FIELD_PATTERN = /\{([A-Za-z]\w*\.[A-Za-z]\w*)\}/g;

export interface SmartFieldProblem {
  /** `lead.email`, as typed. */
  field: string;
  kind: 'unknown' | 'empty';
  /** "{lead.email}: the lead has no email address" */
  message: string;
}

export interface RenderedMessage {
  /**
   * The message exactly as the customer receives it. A field with a problem is left out (never
   * sent as a raw `{...}`); the composer refuses to send while `problems` is not empty.
   */
  text: string;
  problems: SmartFieldProblem[];
}

/**
 * Fills in every smart field of `template` for `context`. The one function behind both the
 * composer's preview and the body it sends, so the two cannot differ.
 */
export function renderSmartFields(template: string, context: SmartFieldContext): RenderedMessage {
  const problems = new Map<string, SmartFieldProblem>();
  const text = template.replace(FIELD_PATTERN, (_token, key: string) => {
    const known = smartField(key);
    const value = known?.read(context)?.trim();
    if (known && value) return value;
    if (!problems.has(key)) {
      problems.set(
        key,
        known
          ? { field: key, kind: 'empty', message: `{${key}}: ${known.missing}` }
          : { field: key, kind: 'unknown', message: `{${key}} is not a smart field` },
      );
    }
    return '';
  });
  return { text, problems: [...problems.values()] };
}

/** True when the template uses at least one smart field (the composer then shows a preview). */
export function hasSmartFields(template: string): boolean {
  return new RegExp(FIELD_PATTERN.source).test(template);
}
