import { useId, useState } from 'react';
import type { Appointment } from '../../../../src-shared/domain/appointment';
import type { Store } from '../../../../src-shared/domain/tenant';
import { appointmentWhenValue, parseAppointmentWhen } from './appointment-input';

export interface AppointmentDraft {
  startsAt: number;
  vehicle: string | null;
  note: string | null;
}

/**
 * Set or reschedule: date and time typed on the store's clock (its zone is named), the vehicle
 * and a note. The time is checked here with the cloud's rule; a refusal is shown in the form
 * and nothing is sent.
 */
export function AppointmentForm(props: {
  store: Store;
  editing: Appointment | null;
  defaultVehicle: string;
  onSave(draft: AppointmentDraft): Promise<boolean>;
  onCancel(): void;
}) {
  const { store, editing } = props;
  const [when, setWhen] = useState(
    editing ? appointmentWhenValue(editing.startsAt, store.timeZone) : '',
  );
  const [vehicle, setVehicle] = useState(editing ? (editing.vehicle ?? '') : props.defaultVehicle);
  const [note, setNote] = useState(editing?.note ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const ids = { when: useId(), vehicle: useId(), note: useId(), error: useId() };

  const submit = async () => {
    const parsed = parseAppointmentWhen(when, store, Date.now());
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    setSaving(true);
    const saved = await props.onSave({
      startsAt: parsed.value,
      vehicle: vehicle.trim() || null,
      note: note.trim() || null,
    });
    setSaving(false);
    if (saved) props.onCancel();
  };

  return (
    <form
      className="appointment-form"
      data-testid="appointment-form"
      aria-label={editing ? 'Reschedule the appointment' : 'Set an appointment'}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <label htmlFor={ids.when}>Date and time (store time, {store.timeZone})</label>
      <input
        id={ids.when}
        type="datetime-local"
        data-testid="appointment-when"
        value={when}
        required
        aria-invalid={error !== null}
        aria-describedby={error ? ids.error : undefined}
        onChange={(event) => {
          setWhen(event.target.value);
          setError(null);
        }}
      />
      <label htmlFor={ids.vehicle}>Vehicle</label>
      <input
        id={ids.vehicle}
        data-testid="appointment-vehicle"
        value={vehicle}
        maxLength={200}
        onChange={(event) => setVehicle(event.target.value)}
      />
      <label htmlFor={ids.note}>Note</label>
      <textarea
        id={ids.note}
        data-testid="appointment-note"
        value={note}
        maxLength={2000}
        rows={2}
        onChange={(event) => setNote(event.target.value)}
      />
      {error && (
        <p id={ids.error} className="details-error" role="alert" data-testid="appointment-error">
          {error}
        </p>
      )}
      <div className="details-buttons">
        <button
          type="submit"
          className="button-small"
          data-testid="appointment-save"
          disabled={saving}
        >
          {editing ? 'Reschedule' : 'Set appointment'}
        </button>
        <button type="button" className="button-quiet" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
