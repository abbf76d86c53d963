import type { Appointment, AppointmentStatus, SyncChange } from '../../../src-shared';
import {
  requireAppointment,
  LocalRefusal,
  requireLead,
  timelineEvent,
  type Effect,
  type EffectContext,
  type Rows,
} from './effect';
import { checkAppointmentTime } from '../../../src-shared/domain/appointment-time';
import { formatStoreTime } from '../../../src-shared/domain/store-time';

export const setAppointment: Effect<'setAppointment'> = (rows, args, context) => {
  const lead = requireLead(rows, args.leadId);
  refuseUnbookableTime(rows, lead.storeId, args.startsAt, context.now);
  const appointment: Appointment = {
    id: args.appointmentId,
    tenantId: lead.tenantId,
    leadId: lead.id,
    storeId: lead.storeId,
    startsAt: args.startsAt,
    status: 'booked',
    createdByUserId: context.me.id,
    createdAt: context.now,
    vehicle: args.vehicle || null,
    note: args.note || null,
  };
  const when = formatStoreTime(args.startsAt, rows.store(lead.storeId)?.timeZone);
  return [
    { table: 'appointments', op: 'upsert', row: appointment },
    timelineEvent(context, lead, 'appointment', `Appointment set for ${when}`, {
      appointmentId: appointment.id,
      action: 'set',
      startsAt: args.startsAt,
    }),
  ];
};

/** Only a booked appointment moves; the cloud refuses the rest, so nothing shows here either. */
export const rescheduleAppointment: Effect<'rescheduleAppointment'> = (rows, args, context) => {
  const appointment = requireAppointment(rows, args.appointmentId);
  if (appointment.status !== 'booked') return [];
  const moved: Appointment = {
    ...appointment,
    startsAt: args.startsAt,
    ...(args.vehicle !== undefined ? { vehicle: args.vehicle || null } : {}),
    ...(args.note !== undefined ? { note: args.note || null } : {}),
  };
  if (JSON.stringify(moved) === JSON.stringify(appointment)) return [];
  refuseUnbookableTime(rows, appointment.storeId, args.startsAt, context.now);
  if (appointment.startsAt === args.startsAt) {
    return [{ table: 'appointments', op: 'upsert', row: moved }];
  }
  const when = formatStoreTime(args.startsAt, rows.store(appointment.storeId)?.timeZone);
  return withEvent(rows, context, moved, `Appointment moved to ${when}`, {
    action: 'rescheduled',
    from: appointment.startsAt,
    startsAt: args.startsAt,
  });
};

const STATUS_WORDS: Record<Exclude<AppointmentStatus, 'booked'>, string> = {
  showed: 'Appointment showed',
  no_show: 'Appointment: no-show',
  cancelled: 'Appointment cancelled',
};

export const setAppointmentStatus: Effect<'setAppointmentStatus'> = (rows, args, context) => {
  const appointment = requireAppointment(rows, args.appointmentId);
  if (appointment.status === args.status) return [];
  return withEvent(
    rows,
    context,
    { ...appointment, status: args.status },
    STATUS_WORDS[args.status],
    {
      action: args.status,
      from: appointment.status,
    },
  );
};

function withEvent(
  rows: Rows,
  context: EffectContext,
  changed: Appointment,
  text: string,
  data: Record<string, unknown>,
): SyncChange[] {
  const changes: SyncChange[] = [{ table: 'appointments', op: 'upsert', row: changed }];
  const lead = rows.lead(changed.leadId);
  if (lead) {
    changes.push(
      timelineEvent(context, lead, 'appointment', text, { appointmentId: changed.id, ...data }),
    );
  }
  return changes;
}

/**
 * The cloud's rule, asked first so that the person reads why at once and nothing is queued. A
 * store not on this PC is left to the cloud.
 */
function refuseUnbookableTime(rows: Rows, storeId: string, startsAt: number, now: number) {
  const store = rows.store(storeId);
  if (!store) return;
  const check = checkAppointmentTime(startsAt, store, now);
  if (!check.ok) throw new LocalRefusal('invalid_arguments', `${check.reason}.`);
}
