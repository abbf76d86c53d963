import type { Appointment, AppointmentStatus } from '../../../../src-shared/domain/appointment';
import { formatStoreTime } from '../../../../src-shared/domain/store-time';

const STATUS_WORDS: Record<AppointmentStatus, string> = {
  booked: 'Booked',
  showed: 'Showed',
  no_show: 'No-show',
  cancelled: 'Cancelled',
};

/** One appointment; a booked one can be marked showed or no-show, moved or cancelled. */
export function AppointmentRow(props: {
  appointment: Appointment;
  timeZone: string | undefined;
  onStatus(status: Exclude<AppointmentStatus, 'booked'>): void;
  onReschedule(): void;
}) {
  const { appointment } = props;
  const when = formatStoreTime(appointment.startsAt, props.timeZone);
  const booked = appointment.status === 'booked';
  return (
    <li
      className={`appointment-row appointment-${appointment.status}`}
      data-testid="appointment-row"
      data-appointment-id={appointment.id}
      data-status={appointment.status}
      data-starts-at={appointment.startsAt}
    >
      <div className="appointment-line">
        <span className="appointment-when">{when}</span>
        <span className="appointment-status">{STATUS_WORDS[appointment.status]}</span>
      </div>
      {appointment.vehicle && <div className="appointment-vehicle">{appointment.vehicle}</div>}
      {appointment.note && <div className="appointment-note">{appointment.note}</div>}
      {booked && (
        <div className="details-buttons" role="group" aria-label={`Appointment ${when}`}>
          <button
            type="button"
            className="button-quiet"
            data-testid="appointment-showed"
            onClick={() => props.onStatus('showed')}
          >
            Showed
          </button>
          <button
            type="button"
            className="button-quiet"
            data-testid="appointment-no-show"
            onClick={() => props.onStatus('no_show')}
          >
            No-show
          </button>
          <button
            type="button"
            className="button-quiet"
            data-testid="appointment-reschedule"
            onClick={props.onReschedule}
          >
            Reschedule
          </button>
          <button
            type="button"
            className="button-quiet"
            data-testid="appointment-cancel"
            onClick={() => props.onStatus('cancelled')}
          >
            Cancel
          </button>
        </div>
      )}
    </li>
  );
}
