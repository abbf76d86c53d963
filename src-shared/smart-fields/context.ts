import type { Appointment } from '../domain/appointment';
import type { Lead } from '../domain/lead';
import type { Store } from '../domain/tenant';
import type { User } from '../domain/user';

/** Everything a smart field may read: the lead written to, its store, the sender, the visit. */
export interface SmartFieldContext {
  lead: Lead;
  store: Store;
  /** The person sending the message. */
  agent: User;
  /** The lead's next booked appointment (`nextBookedAppointment`); null when none is booked. */
  appointment: Appointment | null;
}

/**
 * The appointment `{appointment.time}` speaks of: the earliest booked one that has not started
 * yet. A booked one in the past is not "your appointment" any more, and a cancelled or no-show
 * one never is.
 */
export function nextBookedAppointment(
  appointments: readonly Appointment[],
  now: number,
): Appointment | null {
  let next: Appointment | null = null;
  for (const appointment of appointments) {
    if (appointment.status !== 'booked' || appointment.startsAt < now) continue;
    if (!next || appointment.startsAt < next.startsAt) next = appointment;
  }
  return next;
}
