import { useId, useState } from 'react';
import { formatStoreTime } from '../../../src-shared/domain/store-time';
import { useNow } from '../../lib/use-now';
import { parseScheduleWhen, scheduleWhenValue, suggestedScheduleTime } from './schedule-input';

/**
 * When a message goes out, typed on the store's clock (its zone is named, and the time is read
 * back in words). Used to schedule from the composer and to move a scheduled message in the
 * thread. A time the cloud would not take is named here and nothing is sent.
 */
export function ScheduleForm(props: {
  timeZone: string;
  /** The time offered first; null: an hour from now. */
  initial: number | null;
  label: string;
  submitLabel: string;
  onSave(at: number): Promise<boolean>;
  onCancel(): void;
}) {
  const { timeZone } = props;
  const now = useNow();
  const [when, setWhen] = useState(() =>
    scheduleWhenValue(props.initial ?? suggestedScheduleTime(now), timeZone),
  );
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const ids = { when: useId(), error: useId(), reading: useId() };
  const parsed = parseScheduleWhen(when, timeZone, now);

  const submit = async () => {
    const checked = parseScheduleWhen(when, timeZone, Date.now());
    if (!checked.ok) {
      setError(checked.error);
      return;
    }
    setSaving(true);
    const saved = await props.onSave(checked.value);
    setSaving(false);
    if (saved) props.onCancel();
  };

  return (
    <form
      className="schedule-form"
      data-testid="schedule-form"
      aria-label={props.label}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          props.onCancel();
        }
      }}
    >
      <label htmlFor={ids.when}>Send at (store time, {timeZone})</label>
      <input
        id={ids.when}
        type="datetime-local"
        data-testid="schedule-when"
        value={when}
        required
        autoFocus
        aria-invalid={error !== null}
        aria-describedby={error ? ids.error : ids.reading}
        onChange={(event) => {
          setWhen(event.target.value);
          setError(null);
        }}
      />
      {parsed.ok && !error && (
        <p id={ids.reading} className="schedule-reading" data-testid="schedule-reading">
          Goes out {formatStoreTime(parsed.value, timeZone)}
        </p>
      )}
      {error && (
        <p id={ids.error} className="schedule-error" role="alert" data-testid="schedule-error">
          {error}
        </p>
      )}
      <div className="schedule-buttons">
        <button
          type="submit"
          className="button-small"
          data-testid="schedule-save"
          disabled={saving}
        >
          {props.submitLabel}
        </button>
        <button
          type="button"
          className="button-quiet"
          data-testid="schedule-close"
          onClick={props.onCancel}
        >
          Close
        </button>
      </div>
    </form>
  );
}
