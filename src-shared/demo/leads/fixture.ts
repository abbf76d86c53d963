import { atLocalTime, localHour, MINUTE } from '../clock';
import { demoStore } from '../catalog/stores';
import { demoLabel } from '../catalog/lists';
import { DEMO_USER_ROWS } from '../catalog/users';
import { THREAD_LINES_EN } from '../content/thread-lines';
import { demoId } from '../ids';
import type { PlacedStory } from './place';
import type { LeadProfile } from './profile';
import { slotsFor } from './slots';
import type { StoryEvent, StoryMessage } from './writer';

const denver = demoStore(0);
const agent1 = DEMO_USER_ROWS.find((u) => u.email === 'agent1@demo.test');

/**
 * The one lead end-to-end tests look for: always lead #0, the same id for every seed, hot and
 * waiting for an answer, and the only lead whose thread says "Tacoma".
 */
export const DEMO_FIXTURE_LEAD = {
  id: demoId('lead', Date.UTC(2024, 0, 15, 16, 0, 0), 0, 0, 0),
  firstName: 'Dana',
  lastName: 'Whitfield',
  name: 'Dana Whitfield',
  phone: '+19701234567',
  /** How a person types it into the search box. */
  typedPhone: '(970) 123-4567',
  email: 'dana.whitfield@example.com',
  storeId: denver.row.id,
  assignedUserEmail: 'agent1@demo.test',
  status: 'hot',
  /** Found in her thread and in no other lead's. */
  word: 'Tacoma',
  vehicle: '2021 Toyota Tacoma',
} as const;

export const FIXTURE_PROFILE: LeadProfile = {
  index: 0,
  store: denver,
  agent: agent1 ?? null,
  plan: {
    status: 'hot',
    source: 'Text',
    channels: ['sms'],
    appointment: 'none',
    awaiting: true,
    done: false,
    scheduled: false,
    recent: true,
    spanish: false,
    topics: 0,
    notes: 1,
    outboundCall: false,
    optedBackIn: false,
    escalated: false,
    sentToCrm: false,
  },
  firstName: DEMO_FIXTURE_LEAD.firstName,
  lastName: DEMO_FIXTURE_LEAD.lastName,
  phones: [{ number: DEMO_FIXTURE_LEAD.phone, type: 'mobile' }],
  email: DEMO_FIXTURE_LEAD.email,
  offer: {
    vehicle: {
      year: 2021,
      make: 'Toyota',
      model: 'Tacoma',
      trim: 'TRD Off-Road',
      vin: '3TMCZ5AN1MM412345',
      stock: 'DT214412A',
    },
    isNew: false,
    color: 'Lunar Rock',
    miles: 31200,
    price: 36990,
    truck: true,
  },
  trade: {
    vehicle: { year: 2014, make: 'Subaru', model: 'Outback', trim: 'Premium', vin: '', stock: '' },
    miles: 118000,
  },
  financial: { creditRating: 'good', downPayment: 3000, monthlyBudget: 450 },
  labelIds: [demoLabel('Trade-In').id],
  campaignId: denver.campaigns[0]?.id ?? null,
  collaboratorIds: [],
  disposition: null,
};

const NOTE = 'Dana wants to stay under $450/mo and use the Outback as the down payment.';

/** Her thread: two days ago in the morning, and her last question 35+ minutes ago. */
export function fixtureStory(now: number): PlacedStory {
  const zone = denver.zone;
  let last = now - 35 * MINUTE;
  const hour = localHour(zone, last);
  if (hour < 8) last = atLocalTime(zone, last, -1, 20, 40);
  else if (hour >= 21) last = atLocalTime(zone, last, 0, 20, 40);
  const start = atLocalTime(zone, last, -2, 10, 5);
  const at = (minutes: number) => start + minutes * MINUTE;
  const msg = (minutes: number, author: 'customer' | 'agent', body: string): StoryMessage => ({
    at: at(minutes),
    channel: 'sms',
    author,
    body,
    template: null,
    photos: false,
    scheduledAt: null,
  });
  const messages = [
    msg(
      0,
      'customer',
      'Hi, is the 2021 Toyota Tacoma TRD Off-Road still available? Saw it on your website.',
    ),
    msg(
      7,
      'agent',
      'Hi Dana! This is Marcus at Summit Toyota of Denver. Yes, the 2021 Tacoma is still here: Lunar Rock, 31,200 miles, one owner. Want to come see it?',
    ),
    msg(25, 'customer', 'Maybe. I have a 2014 Outback to trade. What could you give me for it?'),
    msg(
      31,
      'agent',
      'We would need to see it, but our appraiser can give you a firm number in about 20 minutes. How many miles are on the Outback?',
    ),
    msg(50, 'customer', 'About 118k'),
    msg(
      62,
      'agent',
      'Thanks! Would Saturday morning work to drive the Tacoma and appraise the Outback at the same time?',
    ),
    {
      ...msg(0, 'customer', 'Saturday could work. Does the Tacoma have the tow package?'),
      at: last,
    },
  ];
  const event = (minutes: number, kind: StoryEvent['kind'], text: string, data = {}) =>
    ({
      at: at(minutes),
      kind,
      actor: kind === 'assignment' ? null : 'agent',
      text,
      data,
    }) as StoryEvent;
  const events = [
    event(1, 'assignment', 'Assigned to Marcus Bell', { userId: agent1?.id }),
    event(8, 'status_change', 'Status: New -> Hot', { from: 'new', to: 'hot' }),
    event(55, 'note', NOTE),
  ];
  return {
    messages,
    events,
    appointments: [],
    awaiting: true,
    notesExcerpt: NOTE,
    wording: { lines: THREAD_LINES_EN, slots: slotsFor(FIXTURE_PROFILE) },
    end: last,
    doneAt: null,
  };
}
