import { z } from 'zod';
import { EpochMs, Id } from './common';

export const APPOINTMENT_STATUSES = ['booked', 'showed', 'no_show', 'cancelled'] as const;
export const AppointmentStatus = z.enum(APPOINTMENT_STATUSES);
export type AppointmentStatus = z.infer<typeof AppointmentStatus>;

/** What the customer comes to see ("2021 Toyota Tacoma"), as the agent typed it. */
export const AppointmentVehicle = z.string().trim().max(200);
/** For the sales desk ("bring the trade title"); the customer never sees it. */
export const AppointmentNote = z.string().trim().max(2000);

/** `startsAt` is an instant; it is shown in the store's time zone. */
export const Appointment = z.object({
  id: Id,
  tenantId: Id,
  leadId: Id,
  storeId: Id,
  startsAt: EpochMs,
  status: AppointmentStatus,
  createdByUserId: Id.nullable(),
  createdAt: EpochMs,
  // Rows saved before these existed carry neither: they read as none.
  vehicle: AppointmentVehicle.nullable().default(null),
  note: AppointmentNote.nullable().default(null),
});
export type Appointment = z.infer<typeof Appointment>;
