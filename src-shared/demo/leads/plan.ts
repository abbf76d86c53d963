import type { AppointmentStatus, Channel, LeadSource, LeadStatus } from '../../domain';
import { weights, type Rng, type Weights } from '../random';

/** What happens in a lead's story, decided before a word of it is written. */
export interface LeadPlan {
  status: LeadStatus;
  source: LeadSource;
  /** The channels of its conversations in order; a chat or email may move to text. */
  channels: Channel[];
  appointment: AppointmentStatus | 'none';
  awaiting: boolean;
  done: boolean;
  scheduled: boolean;
  /** Its last word was said in the last hours: new leads, booked appointments, most waiting. */
  recent: boolean;
  spanish: boolean;
  topics: number;
  notes: number;
  outboundCall: boolean;
  /** Said STOP, then wrote again and a manager opted them back in (Dead -> Hot). */
  optedBackIn: boolean;
  escalated: boolean;
  sentToCrm: boolean;
}

const STATUS_WEIGHTS = weights<LeadStatus>({
  new: 9,
  hot: 16,
  warm: 17,
  cold: 16,
  follow_up: 14,
  sold: 14,
  dead: 14,
});

const SOURCE_WEIGHTS = weights<LeadSource>({
  Text: 28,
  Website: 15,
  'ADF import': 15,
  Chat: 12,
  Facebook: 10,
  Phone: 10,
  Email: 10,
});

type Outcome = AppointmentStatus | 'none';
const APPOINTMENT_WEIGHTS: Record<LeadStatus, Weights<Outcome>> = {
  new: weights<Outcome>({ none: 1 }),
  hot: weights<Outcome>({ booked: 45, showed: 20, none: 35 }),
  warm: weights<Outcome>({ booked: 20, cancelled: 15, none: 65 }),
  cold: weights<Outcome>({ no_show: 25, none: 75 }),
  follow_up: weights<Outcome>({ cancelled: 20, no_show: 15, showed: 15, none: 50 }),
  sold: weights<Outcome>({ showed: 1 }),
  dead: weights<Outcome>({ no_show: 10, none: 90 }),
};
const TOPIC_COUNTS = weights({ '1': 25, '2': 30, '3': 25, '4': 20 });
const NOTE_COUNTS = weights({ '0': 45, '1': 30, '2': 18, '3': 7 });

const AWAITING: Record<LeadStatus, number> = {
  new: 0.65,
  hot: 0.35,
  warm: 0.25,
  cold: 0,
  follow_up: 0.1,
  sold: 0,
  dead: 0,
};
const DONE: Record<LeadStatus, number> = {
  new: 0,
  hot: 0,
  warm: 0.05,
  cold: 0.25,
  follow_up: 0.1,
  sold: 0.6,
  dead: 0.5,
};
const SCHEDULED: Record<LeadStatus, number> = {
  new: 0,
  hot: 0.08,
  warm: 0.1,
  cold: 0.2,
  follow_up: 0.35,
  sold: 0,
  dead: 0,
};

function channelsFor(rng: Rng, source: LeadSource): Channel[] {
  switch (source) {
    case 'Text':
      return ['sms'];
    case 'Chat':
      return rng.chance(0.35) ? ['chat', 'sms'] : ['chat'];
    case 'Email':
      return rng.chance(0.3) ? ['email', 'sms'] : ['email'];
    case 'Facebook':
      return ['messenger'];
    case 'Phone':
      return ['voice', 'sms'];
    case 'ADF import':
      return rng.chance(0.7) ? ['sms'] : ['email'];
    case 'Website':
      return rng.chance(0.4) ? ['chat', 'sms'] : ['sms'];
  }
}

export function drawPlan(rng: Rng, spanishShare: number): LeadPlan {
  const status = rng.weighted(STATUS_WEIGHTS);
  const source = rng.weighted(SOURCE_WEIGHTS);
  const isNew = status === 'new';
  const appointment = rng.weighted(APPOINTMENT_WEIGHTS[status]);
  const awaiting = rng.chance(AWAITING[status]);
  return {
    status,
    source,
    channels: channelsFor(rng, source),
    appointment,
    awaiting,
    done: !awaiting && rng.chance(DONE[status]),
    scheduled: rng.chance(SCHEDULED[status]),
    recent: isNew || appointment === 'booked' || (awaiting && rng.chance(0.5)),
    spanish: rng.chance(spanishShare),
    topics: isNew ? 0 : Number(rng.weighted(TOPIC_COUNTS)),
    notes: isNew ? 0 : Number(rng.weighted(NOTE_COUNTS)),
    outboundCall: !isNew && rng.chance(0.2),
    optedBackIn: status === 'hot' && rng.chance(0.03),
    escalated: !isNew && rng.chance(0.02),
    sentToCrm: appointment !== 'none' && rng.chance(0.4),
  };
}
