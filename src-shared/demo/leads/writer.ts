import type { Channel, TimelineKind } from '../../domain';
import { DAY, HOUR, intoHours, MINUTE, type DemoZone } from '../clock';
import type { ThreadLines } from '../content/lines';
import { fill, type Slots, type Template } from '../content/template';
import type { Rng } from '../random';

export type Author = 'customer' | 'agent' | 'auto';
export type Actor = 'agent' | 'manager' | null;

export interface StoryMessage {
  at: number;
  channel: Channel;
  author: Author;
  /**
   * Most lines are filled only once the story is placed (it may be written several times):
   * then `template` is set and `body` is empty until `renderBodies`.
   */
  body: string;
  template: Template | null;
  photos: boolean;
  /** Set on an outbound message waiting to be sent. */
  scheduledAt: number | null;
}

export interface StoryEvent {
  at: number;
  kind: TimelineKind;
  actor: Actor;
  text: string;
  data: Record<string, unknown>;
}

/** Customers write between 8 am and 9:30 pm; agents answer between 8 am and 8:30 pm. */
const CUSTOMER_HOURS = [8, 21.5] as const;
const AGENT_HOURS = [8, 20.5] as const;

/**
 * Writes one lead's thread in time order: each line goes after the previous one with a gap
 * that looks like people texting (agents answer in minutes, customers in minutes to a day),
 * moved into waking hours of the store's time zone.
 */
export class ThreadWriter {
  readonly messages: StoryMessage[] = [];
  readonly events: StoryEvent[] = [];
  channel: Channel;
  private last: Author | null = null;

  constructor(
    private readonly rng: Rng,
    readonly zone: DemoZone,
    readonly lines: ThreadLines,
    readonly slots: Slots,
    public t: number,
    channel: Channel,
  ) {
    this.channel = channel;
  }

  /** `quick`: an answer to a question that needs one now (a time offered, a reminder). */
  customer(options: readonly Template[], photos = false, quick = false): StoryMessage {
    const rng = this.rng;
    const roll = rng.next();
    const gap =
      this.messages.length === 0
        ? 0
        : this.last === null
          ? rng.int(1, 10) * MINUTE
          : quick
            ? rng.int(1, 45) * MINUTE
            : roll < 0.6
              ? rng.int(1, 30) * MINUTE
              : roll < 0.9
                ? rng.int(30, 300) * MINUTE
                : rng.int(5, 30) * HOUR;
    this.advance(gap, CUSTOMER_HOURS);
    return this.say('customer', this.pick(options), photos);
  }

  /** `beforeWords` runs once the message's time is known and before its line is filled. */
  agent(options: readonly Template[], photos = false, beforeWords?: (at: number) => void) {
    return this.outbound('agent', options, photos, beforeWords);
  }

  /** Automation: the opt-out confirmation, an auto-response. */
  auto(options: readonly Template[]): StoryMessage {
    return this.outbound('auto', options, false);
  }

  event(kind: TimelineKind, actor: Actor, text: string, data: Record<string, unknown> = {}) {
    this.t += this.rng.int(10, 120) * 1000;
    const event: StoryEvent = { at: this.t, kind, actor, text, data };
    this.events.push(event);
    return event;
  }

  /** Jumps ahead (to the appointment day); never back. The next line comes right after. */
  waitUntil(at: number) {
    if (at > this.t) this.t = at;
    this.last = null;
  }

  waitDays(min: number, max: number) {
    this.advance(this.rng.int(min * 24, max * 24) * HOUR, AGENT_HOURS);
  }

  pick(options: readonly Template[]): Template {
    return this.rng.pick(options);
  }

  private outbound(
    author: Author,
    options: readonly Template[],
    photos: boolean,
    beforeWords?: (at: number) => void,
  ) {
    const rng = this.rng;
    const gap =
      this.last === null || author === 'auto'
        ? rng.int(5, 50) * 1000
        : this.last === 'customer'
          ? (rng.chance(0.7) ? rng.int(1, 20) : rng.int(20, 180)) * MINUTE
          : rng.int(1, 4) * DAY + rng.int(0, 180) * MINUTE;
    this.advance(gap, author === 'auto' ? null : AGENT_HOURS);
    beforeWords?.(this.t);
    return this.say(author, this.pick(options), photos);
  }

  private advance(gap: number, hours: readonly [number, number] | null) {
    const next = this.t + gap;
    const jitter = this.rng.next();
    this.t = hours ? intoHours(this.zone, next, hours[0], hours[1], jitter) : next;
  }

  private say(author: Author, template: Template, photos: boolean): StoryMessage {
    const message: StoryMessage = {
      at: this.t,
      channel: this.channel,
      author,
      body: template.dynamic ? messageBody(this, this.channel, author, template) : '',
      template: template.dynamic ? null : template,
      photos,
      scheduledAt: null,
    };
    this.messages.push(message);
    this.last = author;
    return message;
  }
}

export type Wording = Pick<ThreadWriter, 'lines' | 'slots'>;

/** A line as sent on its channel: an email gets a greeting and the agent's signature. */
export function messageBody(w: Wording, channel: Channel, author: Author, template: Template) {
  const line = fill(template, w.slots);
  if (channel !== 'email') return line;
  if (author === 'customer') {
    return w.slots.first === 'there' ? line : `${line}\n\n${w.slots.first}`;
  }
  const greeting = GREETS.test(line) ? '' : `${fill(w.lines.emailGreeting, w.slots)}\n\n`;
  return `${greeting}${line}\n\n${fill(w.lines.emailSignOff, w.slots)}`;
}

/** Lines that already open with a greeting get no second one in an email. */
const GREETS = /^(hi|hey|hello|good (morning|afternoon|evening)|hola|buen)/i;

/** Fills the lines left as templates, once the story's times are final. */
export function renderBodies(w: Wording, messages: StoryMessage[]) {
  for (const m of messages) {
    if (m.template) {
      m.body = messageBody(w, m.channel, m.author, m.template);
      m.template = null;
    }
  }
}
