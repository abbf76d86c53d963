import { z } from 'zod';
import { EpochMs, Id } from './common';

export const APPOINTMENT_STATUSES = ['booked', 'showed', 'no_show', 'cancelled'] as const;
export const AppointmentStatus = z.enum(APPOINTMENT_STATUSES);
export type AppointmentStatus = z.infer<typeof AppointmentStatus>;

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
});
export type Appointment = z.infer<typeof Appointment>;
