import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { AppointmentDayRow } from '../../src-shared/console-api/appointment-views';
import { appointmentInstant } from '../../src-shared/domain/appointment-time';
import { storeDayOf, storeTimeOfDay, StoreDay, TimeOfDay } from '../../src-shared/domain/store-day';
import type { Store } from '../../src-shared/domain/tenant';
import { formatStoreTime } from '../../src-shared/domain/store-time';
import { rescheduleAppointment } from './appointment-changes';

/**
 * A new day and time for a booked appointment, both in the store's time zone. A time the cloud
 * would refuse (past, or outside the store's hours) is refused here first, with its reason.
 */
export function RescheduleForm(props: {
  row: AppointmentDayRow;
  store: Pick<Store, 'timeZone' | 'businessHours'>;
  onDone(): void;
}) {
  const { row, store, onDone } = props;
  const { timeZone } = store;
  const [day, setDay] = useState(() => storeDayOf(row.startsAt, timeZone));
  const [time, setTime] = useState(() => storeTimeOfDay(row.startsAt, timeZone));
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const firstField = useRef<HTMLInputElement>(null);
  const errorId = useId();

  useEffect(() => firstField.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!StoreDay.safeParse(day).success) return setError('Pick a day.');
    if (!TimeOfDay.safeParse(time).success) return setError('Pick a time.');
    const booked = appointmentInstant({ date: day, time }, store, Date.now());
    if (!booked.ok) return setError(booked.reason);
    const startsAt = booked.instant;
    setError(null);
    setSending(true);
    const sent = await rescheduleAppointment(row, startsAt, formatStoreTime(startsAt, timeZone));
    setSending(false);
    if (sent) onDone();
  };

  return (
    <form
      className="appointments-reschedule"
      data-testid="appointments-reschedule-form"
      aria-label={`Reschedule the appointment of ${row.leadName}`}
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onDone();
        }
      }}
    >
      <label>
        Day
        <input
          ref={firstField}
          type="date"
          data-testid="appointments-reschedule-day"
          value={day}
          required
          aria-invalid={error !== null}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => setDay(e.target.value)}
        />
      </label>
      <label>
        Time
        <input
          type="time"
          data-testid="appointments-reschedule-time"
          value={time}
          required
          aria-invalid={error !== null}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => setTime(e.target.value)}
        />
      </label>
      <button
        type="submit"
        className="button-small"
        data-testid="appointments-reschedule-save"
        disabled={sending}
      >
        Save
      </button>
      <button type="button" className="button-small button-quiet" onClick={onDone}>
        Cancel
      </button>
      {error && (
        <p
          id={errorId}
          className="appointments-error"
          role="alert"
          data-testid="appointments-reschedule-error"
        >
          {error}
        </p>
      )}
    </form>
  );
}
