import type { InputHTMLAttributes } from 'react';

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name'> {
  name: string;
  label: string;
  /** Said under the field, and to a screen reader with it. */
  error?: string | null;
  /** Another element that describes the field too (a form-level error). */
  alsoDescribedBy?: string | null;
}

/** A labelled input whose error sits under it, outside the label so the name stays the name. */
export function TextField({ name, label, error, alsoDescribedBy, ...input }: Props) {
  const id = `field-${name}`;
  const describedBy = [error ? `${id}-error` : null, alsoDescribedBy].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        {...input}
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
      {error && (
        <span className="field-error" id={`${id}-error`} data-testid="field-error">
          {error}
        </span>
      )}
    </div>
  );
}
