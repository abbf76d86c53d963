import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Parsed } from './parse-contact';

export interface InlineEditProps<T> {
  /** The field's name, for its label: "Name", "Phone", "Email". */
  label: string;
  /** What the field shows when not being edited; the placeholder shows when empty. */
  display: ReactNode;
  placeholder: string;
  initial: string;
  testId: string;
  inputTestId: string;
  inputType?: 'text' | 'tel' | 'email';
  parse(text: string): Parsed<T>;
  save(value: T): Promise<unknown>;
}

/**
 * A value shown as a button; a click turns it into a field. Enter (or Save) checks what was
 * typed: a problem is shown under the field, named, and nothing is sent; Escape puts it back.
 */
export function InlineEdit<T>(props: InlineEditProps<T>) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(props.initial);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const inputId = useId();
  const errorId = useId();

  const close = () => {
    setEditing(false);
    setError(null);
    // After React has put the button back.
    queueMicrotask(() => trigger.current?.focus());
  };

  const submit = async () => {
    const parsed = props.parse(text);
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    setSaving(true);
    await props.save(parsed.value);
    setSaving(false);
    close();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  };

  if (!editing) {
    return (
      <button
        ref={trigger}
        type="button"
        className="details-value"
        data-testid={props.testId}
        aria-label={`${props.label}: ${typeof props.display === 'string' && props.display ? props.display : props.placeholder}. Edit`}
        onClick={() => {
          setText(props.initial);
          setEditing(true);
        }}
      >
        {props.display || <span className="details-placeholder">{props.placeholder}</span>}
      </button>
    );
  }
  return (
    <form
      className="details-edit"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <label className="visually-hidden" htmlFor={inputId}>
        {props.label}
      </label>
      <input
        id={inputId}
        type={props.inputType ?? 'text'}
        data-testid={props.inputTestId}
        value={text}
        autoFocus
        aria-invalid={error !== null}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => {
          setText(event.target.value);
          setError(null);
        }}
        onKeyDown={onKeyDown}
      />
      <button type="submit" className="button-small" disabled={saving}>
        Save
      </button>
      <button type="button" className="button-quiet" onClick={close}>
        Cancel
      </button>
      {error && (
        <p id={errorId} className="details-error" role="alert" data-testid="details-field-error">
          {error}
        </p>
      )}
    </form>
  );
}
