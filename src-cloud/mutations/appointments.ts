import type { Appointment, AppointmentStatus } from '../../src-shared/domain/appointment';
import type { MutationArgs } from '../../src-shared/sync/mutations';
import type { MutationContext } from './context';
import { reject } from './rejection';
import { insertNew, loadLead, loadRow } from './rows';
import { addTimelineEvent } from './timeline';
import { storeTime } from './store-time';

export async function setAppointment(ctx: MutationContext, args: MutationArgs<'setAppointment'>) {
  const lead = await loadLead(ctx, args.leadId);
  const appointment: Appointment = {
    id: args.appointmentId,
    tenantId: ctx.auth.tenantId,
    leadId: lead.id,
    storeId: lead.storeId,
    startsAt: args.startsAt,
    status: 'booked',
    createdByUserId: ctx.auth.userId,
    createdAt: ctx.now,
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
  if (appointment.startsAt === args.startsAt) return;
  await ctx.write.update('appointments', { ...appointment, startsAt: args.startsAt });
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
