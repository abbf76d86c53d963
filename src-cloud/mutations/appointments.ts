import type { Appointment, AppointmentStatus } from '../../src-shared/domain/appointment';
import { checkAppointmentTime } from '../../src-shared/domain/appointment-time';
import type { Store } from '../../src-shared/domain/tenant';
import type { MutationArgs } from '../../src-shared/sync/mutations';
import type { MutationContext } from './context';
import { reject } from './rejection';
import { insertNew, loadLead, loadRow } from './rows';
import { addTimelineEvent } from './timeline';
import { storeTime } from './store-time';

export async function setAppointment(ctx: MutationContext, args: MutationArgs<'setAppointment'>) {
  const lead = await loadLead(ctx, args.leadId);
  await requireBookableTime(ctx, lead.storeId, args.startsAt);
  const appointment: Appointment = {
    id: args.appointmentId,
    tenantId: ctx.auth.tenantId,
    leadId: lead.id,
    storeId: lead.storeId,
    startsAt: args.startsAt,
    status: 'booked',
    createdByUserId: ctx.auth.userId,
    createdAt: ctx.now,
    vehicle: args.vehicle || null,
    note: args.note || null,
  };
  await insertNew(ctx, 'appointments', appointment);
  const when = await storeTime(ctx, lead.storeId, args.startsAt);
  await addTimelineEvent(ctx, lead, 'appointment', `Appointment set for ${when}`, {
    appointmentId: appointment.id,
    action: 'set',
    startsAt: args.startsAt,
  });
}

export async function rescheduleAppointment(
  ctx: MutationContext,
  args: MutationArgs<'rescheduleAppointment'>,
) {
  const appointment = await loadRow(ctx, 'appointments', args.appointmentId);
  if (appointment.status !== 'booked') {
    reject(
      'invalid_state',
      `only a booked appointment can be rescheduled; this one is ${appointment.status}`,
    );
  }
  const moved: Appointment = {
    ...appointment,
    startsAt: args.startsAt,
    ...(args.vehicle !== undefined ? { vehicle: args.vehicle || null } : {}),
    ...(args.note !== undefined ? { note: args.note || null } : {}),
  };
  if (JSON.stringify(moved) === JSON.stringify(appointment)) return;
  // The time is checked even when unchanged: a booking is never left in the past by an edit.
  await requireBookableTime(ctx, appointment.storeId, args.startsAt);
  await ctx.write.update('appointments', moved);
  if (appointment.startsAt === args.startsAt) return;
  const lead = await loadLead(ctx, appointment.leadId);
  const when = await storeTime(ctx, appointment.storeId, args.startsAt);
  await addTimelineEvent(ctx, lead, 'appointment', `Appointment moved to ${when}`, {
    appointmentId: appointment.id,
    action: 'rescheduled',
    from: appointment.startsAt,
    startsAt: args.startsAt,
  });
}

const STATUS_WORDS: Record<Exclude<AppointmentStatus, 'booked'>, string> = {
  showed: 'Appointment showed',
  no_show: 'Appointment: no-show',
  cancelled: 'Appointment cancelled',
};

/** Showed, no-show or cancelled; a wrong call (showed for a no-show) can be corrected. */
export async function setAppointmentStatus(
  ctx: MutationContext,
  args: MutationArgs<'setAppointmentStatus'>,
) {
  const appointment = await loadRow(ctx, 'appointments', args.appointmentId);
  if (appointment.status === args.status) return;
  await ctx.write.update('appointments', { ...appointment, status: args.status });
  const lead = await loadLead(ctx, appointment.leadId);
  await addTimelineEvent(ctx, lead, 'appointment', STATUS_WORDS[args.status], {
    appointmentId: appointment.id,
    action: args.status,
    from: appointment.status,
  });
}

/**
 * Refuses a time in the past or outside the store's business hours, with the reason
 * (src-shared/domain/appointment-time.ts); the desktop asks the same rule before sending.
 */
async function requireBookableTime(ctx: MutationContext, storeId: string, startsAt: number) {
  // Tenant-scoped; not loadRow: the appointment's store may be one the caller no longer works.
  const [found] = await ctx.tx.query<{ row: Store }>(
    'SELECT row FROM stores WHERE tenant_id = $1 AND id = $2 AND NOT deleted',
    [ctx.auth.tenantId, storeId],
  );
  if (!found) reject('not_found', `store ${storeId} not found`);
  const check = checkAppointmentTime(startsAt, found.row, ctx.now);
  if (!check.ok) reject('invalid_time', check.reason);
}
