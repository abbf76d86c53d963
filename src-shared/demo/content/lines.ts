import { compile, compileAll, type Template } from './template';

/** A short exchange in the middle of a thread; lines alternate sides, starting with `opensWith`. */
export interface TopicText {
  opensWith: 'in' | 'out';
  lines: string[];
  /** Index of the line that carries photos (the car on the lot, or the customer's trade). */
  photoAt?: number;
  /** Only for customers with a trade-in. */
  needsTrade?: boolean;
}

/** Everything a thread is written from, in one language. Each list offers variants of one beat. */
export interface ThreadLinesText {
  openerIn: string[];
  firstReply: string[];
  openerOut: string[];
  replyToOpenerOut: string[];
  topics: TopicText[];
  askAppt: string[];
  acceptAppt: string[];
  confirmAppt: string[];
  seeYou: string[];
  reminder: string[];
  reminderReply: string[];
  afterShowed: string[];
  afterShowedReply: string[];
  afterNoShow: string[];
  cancelIn: string[];
  cancelReply: string[];
  soldOut: string[];
  soldReply: string[];
  nudges: string[];
  laterIn: string[];
  laterOut: string[];
  stopIn: string[];
  stopAuto: string[];
  comeBack: string[];
  welcomeBack: string[];
  awaitingIn: string[];
  scheduled: string[];
  emailGreeting: string;
  emailSignOff: string;
  /** Sunday first, as the appointment's {day} reads. */
  weekdays: readonly string[];
}

type Beat = Exclude<
  keyof ThreadLinesText,
  'topics' | 'emailGreeting' | 'emailSignOff' | 'weekdays'
>;

export interface Topic {
  opensWith: 'in' | 'out';
  lines: Template[];
  photoAt: number;
  needsTrade: boolean;
}

export type ThreadLines = Record<Beat, Template[]> & {
  topics: Topic[];
  emailGreeting: Template;
  emailSignOff: Template;
  weekdays: readonly string[];
};

export function compileLines(text: ThreadLinesText): ThreadLines {
  const { topics, emailGreeting, emailSignOff, weekdays, ...beats } = text;
  const compiled = Object.fromEntries(
    Object.entries(beats).map(([beat, lines]) => [beat, compileAll(lines)]),
  ) as Record<Beat, Template[]>;
  return {
    ...compiled,
    topics: topics.map((t) => ({
      opensWith: t.opensWith,
      lines: compileAll(t.lines),
      photoAt: t.photoAt ?? -1,
      needsTrade: t.needsTrade === true,
    })),
    emailGreeting: compile(emailGreeting),
    emailSignOff: compile(emailSignOff),
    weekdays,
  };
}
