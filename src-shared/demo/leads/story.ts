import { LEAD_STATUS_LABELS, type LeadStatus } from '../../domain';
import { MINUTE } from '../clock';
import type { ThreadLines, Topic } from '../content/lines';
import { NOTE_LINES } from '../content/notes';
import { nationalFormat } from '../content/phones';
import { fill, type Slots, type Template } from '../content/template';
import { weights, type Rng } from '../random';
import { appointmentBeats, type StoryAppointment } from './appointment-beats';
import type { LeadProfile } from './profile';
import { ThreadWriter, type StoryEvent, type StoryMessage, type Wording } from './writer';

const DEMO_FUNNEL_TEXT = 'Funnel "New internet lead"';

/** A lead's thread before it has ids: what was said and done, and when. */
export interface Story {
  messages: StoryMessage[];
  events: StoryEvent[];
  appointments: StoryAppointment[];
  /** The customer wrote last and nobody answered (always the last message then). */
  awaiting: boolean;
  notesExcerpt: string | null;
  /** What its lines are filled with (see `renderBodies`). */
  wording: Wording;
  /** The latest instant in it. */
  end: number;
}

const MANAGER_NAME = 'Morgan Ellis';
const CALL_OUTCOMES = weights({ answered: 50, no_answer: 30, voicemail: 20 });
const OPENS_OUTBOUND = new Set(['ADF import', 'Website', 'Phone']);
const ESCALATIONS = [
  'customer unhappy with the trade value',
  'customer asked for a manager about the price',
  'customer says nobody called back',
];

function callText(who: string, outcome: string, seconds: number): string {
  const length = `${Math.floor(seconds / 60)}m ${String(seconds % 60).padStart(2, '0')}s`;
  if (outcome === 'no_answer') return `Outbound call by ${who}: no answer`;
  if (outcome === 'voicemail') return `Outbound call by ${who}: left a voicemail (${length})`;
  return `Outbound call by ${who}, ${length}`;
}

/** Writes the thread of one lead, starting at `start`; the caller makes sure it ends by now. */
export function writeStory(
  rng: Rng,
  p: LeadProfile,
  lines: ThreadLines,
  slots: Slots,
  start: number,
): Story {
  const { plan } = p;
  const firstChannel = plan.channels[0] ?? 'sms';
  const w = new ThreadWriter(rng, p.store.zone, lines, slots, start, firstChannel);
  const agentName = p.agent?.name ?? 'an agent';
  const appointments: StoryAppointment[] = [];
  let notesExcerpt: string | null = null;
  let status: LeadStatus = 'new';
  const setStatus = (next: LeadStatus, actor: 'agent' | 'manager' | null) => {
    if (next === status) return;
    const text = `Status: ${LEAD_STATUS_LABELS[status]} -> ${LEAD_STATUS_LABELS[next]}`;
    w.event('status_change', actor, text, { from: status, to: next });
    status = next;
  };
  const stop = () => {
    const said = w.customer(lines.stopIn);
    w.auto(lines.stopAuto);
    const words = said.template ? fill(said.template, slots) : said.body;
    w.event('opt_out', null, `Opted out by customer reply "${words}"`, {
      channel: said.channel,
    });
    setStatus('dead', null);
  };

  // The first contact: the customer writes, or the store answers a web form, an ADF lead or a call.
  if (firstChannel === 'voice') {
    const seconds = rng.int(60, 600);
    const from = nationalFormat(p.phones[0]?.number ?? '+10000000000');
    const answeredBy = p.agent ? `, answered by ${agentName}` : ', missed';
    w.event('call', p.agent ? 'agent' : null, `Inbound call from ${from}${answeredBy}`, {
      direction: 'in',
      durationSec: p.agent ? seconds : 0,
      outcome: p.agent ? 'answered' : 'missed',
    });
    w.channel = plan.channels[1] ?? 'sms';
  }
  const outboundFirst = OPENS_OUTBOUND.has(plan.source);
  const unanswered = plan.status === 'new' && !p.agent;
  // An opener no agent wrote came from the store's funnel; the customer's answer pauses it.
  let funnelRunning = false;
  const funnelPaused = () => {
    if (!funnelRunning) return;
    funnelRunning = false;
    w.event('funnel', null, `${DEMO_FUNNEL_TEXT} paused: the customer replied`, {
      how: 'paused',
    });
  };
  if (outboundFirst) {
    if (p.agent && rng.chance(0.7)) w.agent(lines.openerOut);
    else {
      w.event('funnel', null, `${DEMO_FUNNEL_TEXT} started`, { how: 'assigned' });
      funnelRunning = true;
      w.auto(lines.openerOut);
    }
  } else {
    w.customer(lines.openerIn);
  }
  if (p.agent) w.event('assignment', null, `Assigned to ${agentName}`, { userId: p.agent.id });
  if (plan.status === 'new') {
    if (!outboundFirst && p.agent && (!plan.awaiting || rng.chance(0.5))) {
      w.agent(lines.firstReply);
    }
    if (outboundFirst && plan.awaiting) {
      w.customer(lines.replyToOpenerOut);
      funnelPaused();
    }
    return finish();
  }
  if (outboundFirst) {
    w.customer(lines.replyToOpenerOut);
    funnelPaused();
  } else w.agent(lines.firstReply);
  setStatus(plan.status === 'sold' || plan.status === 'hot' ? 'hot' : 'warm', 'agent');

  if (plan.optedBackIn) {
    stop();
    w.waitDays(1, 5);
    w.customer(lines.comeBack);
    w.event('opt_in', 'manager', `Opted back in by ${MANAGER_NAME}`, { channel: w.channel });
    setStatus('hot', 'manager');
    w.agent(lines.welcomeBack);
  }

  const topics = rng.sample(
    lines.topics.filter((t) => p.trade || !t.needsTrade),
    plan.topics,
  );
  const notes = rng.sample(NOTE_LINES, plan.notes);
  let notesLeft = notes.length;
  for (let i = 0; i < topics.length; i++) {
    if (i === 1 && plan.channels.length > 1 && w.channel !== 'sms') w.channel = 'sms';
    talk(topics[i] as Topic);
    if (notesLeft > 0 && rng.chance(0.6)) note();
    if (i === 0 && plan.outboundCall) call();
    if (i === 0 && plan.escalated) escalate();
  }
  while (notesLeft > 0) note();

  if (plan.appointment !== 'none') {
    const crm = plan.sentToCrm
      ? `${p.store.stockPrefix.toLowerCase()}-leads@crm.example.com`
      : null;
    appointments.push(appointmentBeats(w, rng, plan.appointment, crm));
  }

  switch (plan.status) {
    case 'sold':
      if (rng.chance(0.4)) w.waitDays(1, 4);
      setStatus('sold', 'agent');
      w.agent(lines.soldOut);
      if (rng.chance(0.7)) w.customer(lines.soldReply);
      break;
    case 'cold':
      setStatus('cold', 'agent');
      for (const nudge of rng.sample(lines.nudges, rng.int(1, 2))) w.agent([nudge]);
      break;
    case 'follow_up':
      w.customer(lines.laterIn);
      w.agent(lines.laterOut);
      setStatus('follow_up', 'agent');
      break;
    case 'dead':
      stop();
      break;
    default:
      break;
  }
  return finish();

  function talk(topic: Topic) {
    let side = topic.opensWith;
    topic.lines.forEach((line, i) => {
      const photos = i === topic.photoAt;
      if (side === 'in') w.customer([line], photos);
      else w.agent([line], photos);
      side = side === 'in' ? 'out' : 'in';
    });
  }

  function note() {
    notesLeft--;
    notesExcerpt = fill(notes[notesLeft] as Template, slots);
    w.event('note', 'agent', notesExcerpt);
  }

  function call() {
    const outcome = rng.weighted(CALL_OUTCOMES);
    const seconds =
      outcome === 'answered' ? rng.int(90, 900) : outcome === 'voicemail' ? rng.int(20, 60) : 0;
    w.waitUntil(w.t + rng.int(5, 90) * MINUTE);
    w.event('call', 'agent', callText(agentName, outcome, seconds), {
      direction: 'out',
      durationSec: seconds,
      outcome,
    });
  }

  function escalate() {
    const reason = rng.pick(ESCALATIONS);
    w.event('escalation', 'agent', `Escalated to ${MANAGER_NAME}: ${reason}`, { reason });
  }

  function finish(): Story {
    let last = w.messages[w.messages.length - 1];
    if (plan.awaiting && status !== 'dead' && last?.author !== 'customer') {
      // After booking, the question comes soon: the appointment is still ahead.
      last = w.customer(lines.awaitingIn, false, plan.appointment === 'booked');
    }
    const awaiting = last?.author === 'customer' && (plan.awaiting || unanswered);
    const lastEvent = w.events[w.events.length - 1];
    return {
      messages: w.messages,
      events: w.events,
      appointments,
      awaiting,
      notesExcerpt,
      wording: w,
      end: Math.max(last?.at ?? 0, lastEvent?.at ?? 0),
    };
  }
}
