import type { Store } from '../../src-shared/domain/tenant';
import { useId, useRef, useState } from 'react';
import type { AppointmentDayRow } from '../../src-shared/console-api/appointment-views';
import { openLeadInConsole } from '../app/open-lead';
import { markAppointment, type Outcome } from './appointment-changes';
import { APPOINTMENT_STATUS_LABELS, formatTimeInZone } from './appointment-words';
import { RescheduleForm } from './RescheduleForm';

/** One appointment: when, who (opens the lead), its status, and what can be done with it. */
export function AppointmentRowView({
  row,
  store,
}: {
  row: AppointmentDayRow;
  store: Pick<Store, 'timeZone' | 'businessHours'>;
}) {
  const { timeZone } = store;
  const [rescheduling, setRescheduling] = useState(false);
  const [sending, setSending] = useState<Outcome | null>(null);
  const rescheduleButton = useRef<HTMLButtonElement>(null);
  const whoId = useId();
  const time = formatTimeInZone(row.startsAt, timeZone);

  const mark = (status: Outcome) => {
    setSending(status);
    void markAppointment(row, status).finally(() => setSending(null));
  };

  return (
    <li
      className="appointments-row"
      data-testid="appointments-row"
      data-appointment-id={row.id}
      data-lead-id={row.leadId}
      data-status={row.status}
      data-starts-at={row.startsAt}
    >
      <time className="appointments-time" dateTime={new Date(row.startsAt).toISOString()}>
        {time}
      </time>
      <div className="appointments-who" id={whoId}>
        <button
          type="button"
          className="appointments-lead"
          data-testid="appointments-lead"
          title="Open this lead's conversation"
          onClick={() => openLeadInConsole(row.leadId)}
        >
          {row.leadName}
        </button>
        <span className="visually-hidden">, {time}</span>
        {row.vehicle && (
          <span className="appointments-vehicle" data-testid="appointments-vehicle">
            {row.vehicle}
          </span>
        )}
        {row.note && (
          <span className="appointments-note" data-testid="appointments-note">
            {row.note}
          </span>
        )}
      </div>
      <span
        className={`appointments-status appointment-${row.status}`}
        data-testid="appointments-status"
      >
        {APPOINTMENT_STATUS_LABELS[row.status]}
      </span>
      <div className="appointments-actions" role="group" aria-labelledby={whoId}>
        <button
          type="button"
          className="button-small"
          data-testid="appointments-showed"
          disabled={row.status === 'showed' || sending !== null}
          onClick={() => mark('showed')}
        >
          Showed
        </button>
        <button
          type="button"
          className="button-small button-quiet"
          data-testid="appointments-no-show"
          disabled={row.status === 'no_show' || sending !== null}
          onClick={() => mark('no_show')}
        >
          No-show
        </button>
        <button
          ref={rescheduleButton}
          type="button"
          className="button-small button-quiet"
          data-testid="appointments-reschedule"
          aria-expanded={rescheduling}
          // Only a booked appointment moves (the cloud's rule); a showed one already happened.
          disabled={row.status !== 'booked'}
          title={row.status === 'booked' ? undefined : 'Only a booked appointment can be moved'}
          onClick={() => setRescheduling((open) => !open)}
        >
          Reschedule
        </button>
      </div>
      {rescheduling && (
        <RescheduleForm
          row={row}
          store={store}
          onDone={() => {
            setRescheduling(false);
            rescheduleButton.current?.focus();
          }}
        />
      )}
    </li>
  );
}
