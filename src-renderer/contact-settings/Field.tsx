import { useId, type InputHTMLAttributes } from 'react';

/**
 * A labelled text input with its error beside it (announced, and tied to the input by
 * aria-describedby). `testId` names the input; its error is `${testId}-error`.
 */
export function Field(
  props: {
    label: string;
    value: string;
    onChange(value: string): void;
    onBlur?(): void;
    error?: string | null;
    hint?: string;
    testId: string;
    required?: boolean;
  } & Pick<InputHTMLAttributes<HTMLInputElement>, 'inputMode' | 'autoComplete' | 'size'>,
) {
  const { label, value, onChange, onBlur, error, hint, testId, required, ...input } = props;
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="cs-field">
      <label htmlFor={id}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      <input
        id={id}
        type="text"
        spellCheck={false}
        value={value}
        required={required}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        data-testid={testId}
        onChange={(event) => onChange(event.target.value)}
        onBlur={onBlur}
        {...input}
      />
      {hint && (
        <p className="cs-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="cs-error" id={`${id}-error`} role="alert" data-testid={`${testId}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
