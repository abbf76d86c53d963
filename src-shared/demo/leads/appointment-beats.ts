import type { AppointmentStatus } from '../../domain';
import { atLocalTime, formatDateTime, formatTime, localWeekday, HOUR, MINUTE } from '../clock';
import type { Rng } from '../random';
import type { ThreadWriter } from './writer';

export interface StoryAppointment {
  startsAt: number;
  status: AppointmentStatus;
  createdAt: number;
}

/**
 * The agent offers a time, the customer takes it (or one an hour later), the agent confirms;
 * then, by outcome, the reminder and the visit, the no-show, or the cancellation.
 * The appointment is 2-5 days out, so the confirmation always comes before it.
 */
export function appointmentBeats(
  w: ThreadWriter,
  rng: Rng,
  outcome: AppointmentStatus,
  sentToCrm: string | null,
): StoryAppointment {
  const { lines, slots, zone } = w;
  let startsAt = 0;
  w.agent(lines.askAppt, false, (askedAt) => {
    startsAt = atLocalTime(zone, askedAt, rng.int(2, 5), rng.int(10, 17), rng.pick([0, 30]));
    slots.day = lines.weekdays[localWeekday(zone, startsAt)] ?? '';
    slots.time = formatTime(zone, startsAt);
    slots.altTime = formatTime(zone, startsAt + HOUR);
  });
  const accept = w.pick(lines.acceptAppt);
  w.customer([accept], false, true);
  if (accept.slots.includes('altTime')) {
    startsAt += HOUR;
    slots.time = slots.altTime;
  }
  w.agent(lines.confirmAppt);
  const appointment: StoryAppointment = { startsAt, status: outcome, createdAt: w.t };
  w.event('appointment', 'agent', `Appointment set for ${formatDateTime(zone, startsAt)}`, {
    startsAt,
    status: 'booked',
  });
  if (sentToCrm) w.event('crm_send', 'agent', `Sent to CRM: ${sentToCrm}`, { address: sentToCrm });
  if (rng.chance(0.6)) w.customer(lines.seeYou, false, true);

  switch (outcome) {
    case 'booked':
      break;
    case 'showed':
      w.waitUntil(atLocalTime(zone, startsAt, 0, 8, rng.int(15, 59)));
      w.agent(lines.reminder);
      w.customer(lines.reminderReply, false, true);
      w.waitUntil(startsAt + rng.int(10, 40) * MINUTE);
      w.event('appointment', 'agent', 'Appointment showed', { status: 'showed' });
      w.waitUntil(startsAt + rng.int(120, 240) * MINUTE);
      break;
    case 'no_show':
      w.waitUntil(atLocalTime(zone, startsAt, 0, 8, rng.int(15, 59)));
      w.agent(lines.reminder);
      if (rng.chance(0.5)) w.customer(lines.reminderReply, false, true);
      w.waitUntil(startsAt + rng.int(60, 120) * MINUTE);
      w.event('appointment', 'agent', 'Appointment marked no-show', { status: 'no_show' });
      w.agent(lines.afterNoShow);
      break;
    case 'cancelled':
      w.waitUntil(startsAt - rng.int(3, 20) * HOUR);
      w.customer(lines.cancelIn, false, true);
      w.agent(lines.cancelReply);
      w.event('appointment', 'agent', 'Appointment cancelled', { status: 'cancelled' });
      break;
  }
  return appointment;
}
