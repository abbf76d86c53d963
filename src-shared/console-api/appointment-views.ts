import type { AppointmentStatus } from '../domain/appointment';

/** One appointment of a store's day, with what the Appointments page shows beside it. */
export interface AppointmentDayRow {
  id: string;
  leadId: string;
  /** The lead's display name ("Unknown" until known, or when the lead is not in the replica). */
  leadName: string;
  startsAt: number;
  status: AppointmentStatus;
  /** "2021 Toyota Camry" when the appointment names a vehicle; null otherwise. */
  vehicle: string | null;
  note: string | null;
}

/** A store's appointments on one of its days, earliest first. */
export interface AppointmentDay {
  storeId: string;
  /** YYYY-MM-DD in the store's time zone. */
  day: string;
  /** The zone the day and the times are read in: the store's (UTC for a zone this PC lacks). */
  timeZone: string;
  /** The day's first instant and the next day's: 23 or 25 hours apart on a clock change. */
  start: number;
  end: number;
  rows: AppointmentDayRow[];
}
