import type { Presence, PresenceReason, PresenceState } from './presence';
import type { ManualPresence } from './presence';
import type { DesktopSettings } from './settings';

/**
 * The presence state machine (DESIGN §6): pure, the clock passed in with every step.
 *
 * Rules, in the order they decide:
 * - A manual Away or Offline holds until the person chooses Online; nothing automatic ends it.
 * - With "Allow application to set my presence" off, the presence is the manual choice (Online
 *   when none), and no signal changes it. Signals are still remembered, so turning it back on
 *   starts from the truth.
 * - Otherwise the least available of these wins: the screen locked or the PC asleep (away at
 *   once, reason locked / suspended); a lead that rang unanswered (away, reason unanswered,
 *   until activity after it); idle time (away after `awayAfterMinutes`, extended away after
 *   `extendedAwayAfterMinutes`, online below).
 * - Activity is an idle reading that puts the last input after the moment in question; an unlock
 *   and a manual Online count as activity too (a password was typed, a menu clicked). A resume
 *   does not (a laptop can wake by itself): the next idle reading decides. Starting the app
 *   is not activity either: a desk idle before the start is idle (the first reading says so).
 * - Stuck idle clock: when the idle-seconds value has not changed for longer than the away
 *   threshold (some Linux desktops always report 0), the clock is unknown. Unknown readings are
 *   neither activity nor idleness: the idle level stays what it last was, and only an unlock or
 *   a manual Online counts as activity. A reading with another value makes the clock known again.
 * - Thresholds are read at every step, so a change made while idle applies at the next step
 *   (the next idle reading, or a `tick`).
 */

export type PresenceSettings = Pick<
  DesktopSettings,
  'autoPresence' | 'awayAfterMinutes' | 'extendedAwayAfterMinutes'
>;

export type PresenceInput =
  | { kind: 'idle-seconds'; seconds: number }
  | { kind: 'lock-screen' }
  | { kind: 'unlock-screen' }
  | { kind: 'suspend' }
  | { kind: 'resume' }
  | { kind: 'manual'; state: ManualPresence }
  /** A lead rang here unanswered while the person was idle (DESIGN §7). */
  | { kind: 'unanswered' }
  /** Nothing new: look again (the settings changed, time passed). */
  | { kind: 'tick' };

type IdleLevel = 'active' | 'away' | 'extended_away';

export interface PresenceMachine {
  readonly presence: Presence;
  /** A manual Away or Offline in force. */
  readonly manual: 'away' | 'offline' | null;
  /** The screen is locked, or the PC asleep. */
  readonly os: 'locked' | 'suspended' | null;
  /** The last idle reading: its value, when read, and when the value last changed. */
  readonly idle: { seconds: number; at: number; changedAt: number } | null;
  /** The last unlock or manual Online: activity the idle clock may not show. */
  readonly presentAt: number | null;
  /** The idle level of the last known reading; held while the clock is unknown. */
  readonly idleLevel: IdleLevel;
  /** When an unanswered lead set Away; null once activity followed. */
  readonly unansweredAt: number | null;
}

export function startPresenceMachine(settings: PresenceSettings, now: number): PresenceMachine {
  const initial: PresenceMachine = {
    presence: { state: 'online', reason: 'active', since: now },
    manual: null,
    os: null,
    idle: null,
    presentAt: null,
    idleLevel: 'active',
    unansweredAt: null,
  };
  return evaluate(initial, settings, now);
}

export function stepPresence(
  machine: PresenceMachine,
  input: PresenceInput,
  settings: PresenceSettings,
  now: number,
): PresenceMachine {
  return evaluate(remember(machine, input, settings, now), settings, now);
}

/**
 * When the person last touched the PC, by the idle clock (and unlocks, manual choices); null
 * while the clock is unknown (no reading yet, or stuck). Decides whether a lead rang at an empty
 * desk: an unknown clock never says so.
 */
export function lastActivityAt(
  machine: PresenceMachine,
  settings: PresenceSettings,
): number | null {
  const { idle, presentAt } = machine;
  if (!idle || isStuck(idle, settings)) return null;
  return Math.max(idle.at - idle.seconds * 1000, presentAt ?? -Infinity);
}

function remember(
  machine: PresenceMachine,
  input: PresenceInput,
  settings: PresenceSettings,
  now: number,
): PresenceMachine {
  switch (input.kind) {
    case 'idle-seconds': {
      if (!Number.isFinite(input.seconds) || input.seconds < 0) return machine;
      const seconds = Math.floor(input.seconds);
      const same = machine.idle?.seconds === seconds;
      const changedAt = same && machine.idle ? machine.idle.changedAt : now;
      return { ...machine, idle: { seconds, at: now, changedAt } };
    }
    case 'lock-screen':
      return { ...machine, os: 'locked' };
    case 'suspend':
      return { ...machine, os: 'suspended' };
    case 'unlock-screen':
      return { ...machine, os: null, presentAt: now, idleLevel: 'active' };
    case 'resume':
      return { ...machine, os: null };
    case 'manual':
      if (input.state === 'online') {
        return {
          ...machine,
          manual: null,
          presentAt: now,
          idleLevel: 'active',
          unansweredAt: null,
        };
      }
      return { ...machine, manual: input.state };
    case 'unanswered':
      if (!settings.autoPresence || machine.manual) return machine;
      return { ...machine, unansweredAt: now };
    case 'tick':
      return machine;
    default:
      return input satisfies never;
  }
}

function evaluate(
  machine: PresenceMachine,
  settings: PresenceSettings,
  now: number,
): PresenceMachine {
  let next = machine;
  const measured = lastActivityAt(machine, settings);
  if (measured !== null) next = { ...next, idleLevel: levelFor(now - measured, settings) };
  // With the clock unknown, only an unlock or a manual Online shows the person is back.
  const activityAt = measured ?? machine.presentAt;
  if (next.unansweredAt !== null && activityAt !== null && activityAt > next.unansweredAt) {
    next = { ...next, unansweredAt: null };
  }
  return withPresence(next, decide(next, settings), now);
}

function decide(machine: PresenceMachine, settings: PresenceSettings): Decision {
  if (machine.manual) return { state: machine.manual, reason: 'manual' };
  if (!settings.autoPresence) return { state: 'online', reason: 'manual' };
  const candidates: Decision[] = [];
  if (machine.os) candidates.push({ state: 'away', reason: machine.os });
  if (machine.unansweredAt !== null) candidates.push({ state: 'away', reason: 'unanswered' });
  candidates.push(
    machine.idleLevel === 'active'
      ? { state: 'online', reason: 'active' }
      : { state: machine.idleLevel, reason: 'idle' },
  );
  // The least available wins; on a tie, the first (locked before unanswered before idle).
  return candidates.reduce((least, c) => (RANK[c.state] > RANK[least.state] ? c : least));
}

interface Decision {
  state: PresenceState;
  reason: PresenceReason;
}

const RANK: Record<PresenceState, number> = { online: 0, away: 1, extended_away: 2, offline: 3 };

function levelFor(idleMs: number, settings: PresenceSettings): IdleLevel {
  if (idleMs >= settings.extendedAwayAfterMinutes * 60_000) return 'extended_away';
  if (idleMs >= settings.awayAfterMinutes * 60_000) return 'away';
  return 'active';
}

function isStuck(idle: NonNullable<PresenceMachine['idle']>, settings: PresenceSettings): boolean {
  return idle.at - idle.changedAt > settings.awayAfterMinutes * 60_000;
}

function withPresence(machine: PresenceMachine, decision: Decision, now: number): PresenceMachine {
  const { presence } = machine;
  if (presence.state === decision.state && presence.reason === decision.reason) return machine;
  return { ...machine, presence: { ...decision, since: now } };
}
