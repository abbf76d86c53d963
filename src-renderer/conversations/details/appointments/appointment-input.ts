import type { Store } from '../../../../src-shared/domain/tenant';
import { appointmentInstant } from '../../../../src-shared/domain/appointment-time';
import { wallTimeAt } from '../../../../src-shared/domain/zoned-time';
import type { Parsed } from '../contact/parse-contact';

/**
 * A `datetime-local` value ("2030-01-14T10:00"), read on the STORE's clock, as the instant to
 * book: refused with the cloud's own reason when it is past, skipped by a clock change, or
 * outside the store's hours, so that nothing is sent that the cloud would undo.
 */
export function parseAppointmentWhen(
  value: string,
  store: Pick<Store, 'timeZone' | 'businessHours'>,
  now: number,
): Parsed<number> {
  const [date = '', time = ''] = value.split('T');
  if (!date || !time) return { ok: false, error: 'Choose the date and time of the appointment' };
  const booked = appointmentInstant({ date, time: time.slice(0, 5) }, store, now);
  return booked.ok ? { ok: true, value: booked.instant } : { ok: false, error: booked.reason };
}

/** The form's value for an instant, on the store's clock. */
export function appointmentWhenValue(instant: number, timeZone: string): string {
  const wall = wallTimeAt(instant, timeZone);
  return `${wall.date}T${wall.time}`;
}
