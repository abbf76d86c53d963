import { useId, type ReactNode } from 'react';
import type { Parsed } from './parse-setting';
import { useSettingDraft } from './use-setting-draft';
import { SettingError } from './SettingError';

/**
 * A typed setting (minutes, a key combination), saved after a pause in typing, on Enter, or on
 * leaving the field. `before` and `after` are the words around the input, all in its label:
 * "Set me away after [5] minutes idle".
 */
export function SettingText<T>(props: {
  field: string;
  saved: string;
  parse: (text: string) => Parsed<T>;
  save: (value: T) => Promise<string | null>;
  before: ReactNode;
  after?: ReactNode;
  testId: string;
  inputMode?: 'numeric' | 'text';
  size?: number;
  hint?: string;
}) {
  const {
    field,
    saved,
    parse,
    save,
    before,
    after,
    testId,
    inputMode = 'text',
    size,
    hint,
  } = props;
  const draft = useSettingDraft(saved, parse, (value) => save(value as T));
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, draft.error ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="setting setting-text">
      <label className="setting-text-label">
        <span>{before}</span>
        <input
          type="text"
          inputMode={inputMode}
          autoComplete="off"
          spellCheck={false}
          size={size}
          value={draft.shown}
          aria-invalid={draft.error ? true : undefined}
          aria-describedby={describedBy || undefined}
          data-testid={testId}
          data-saving={draft.saving}
          onChange={(event) => draft.change(event.target.value, { typing: true })}
          onBlur={draft.commit}
          onKeyDown={(event) => {
            if (event.key === 'Enter') draft.commit();
          }}
        />
        {after && <span>{after}</span>}
      </label>
      {hint && (
        <p className="setting-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <SettingError id={`${id}-error`} field={field} error={draft.error} />
    </div>
  );
}
