import { useId } from 'react';
import { addDays, StoreDay } from '../../src-shared/domain/store-day';

/** A day of the store's calendar: the previous and next day around a date field, and Today. */
export function DayPicker(props: { day: string; today: string; onPick(day: string): void }) {
  const { day, today, onPick } = props;
  const inputId = useId();
  return (
    <div className="appointments-day">
      <button
        type="button"
        className="button-quiet appointments-step"
        data-testid="appointments-prev-day"
        aria-label="Previous day"
        title="Previous day"
        onClick={() => onPick(addDays(day, -1))}
      >
        <span aria-hidden>‹</span>
      </button>
      <label htmlFor={inputId} className="visually-hidden">
        Day
      </label>
      <input
        id={inputId}
        type="date"
        data-testid="appointments-day"
        value={day}
        required
        // A half-typed date reads as empty: keep the day shown until the field holds a real one.
        onChange={(e) => {
          if (StoreDay.safeParse(e.target.value).success) onPick(e.target.value);
        }}
      />
      <button
        type="button"
        className="button-quiet appointments-step"
        data-testid="appointments-next-day"
        aria-label="Next day"
        title="Next day"
        onClick={() => onPick(addDays(day, 1))}
      >
        <span aria-hidden>›</span>
      </button>
      <button
        type="button"
        className="button-quiet"
        data-testid="appointments-today"
        disabled={day === today}
        onClick={() => onPick(today)}
      >
        Today
      </button>
    </div>
  );
}
