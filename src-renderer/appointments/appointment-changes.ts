import type { AppointmentDayRow } from '../../src-shared/console-api/appointment-views';
import { sendChange } from '../changes/send-change';
import { APPOINTMENT_STATUS_LABELS } from './appointment-words';

export type Outcome = 'showed' | 'no_show';

/** Showed or No-show; a wrong call can be corrected the same way. */
export function markAppointment(row: AppointmentDayRow, status: Outcome): Promise<string | null> {
  return sendChange(
    'setAppointmentStatus',
    { appointmentId: row.id, status },
    `mark the appointment of ${row.leadName} ${APPOINTMENT_STATUS_LABELS[status]}`,
  );
}

export function rescheduleAppointment(
  row: AppointmentDayRow,
  startsAt: number,
  when: string,
): Promise<string | null> {
  return sendChange(
    'rescheduleAppointment',
    { appointmentId: row.id, startsAt },
    `move the appointment of ${row.leadName} to ${when}`,
  );
}
