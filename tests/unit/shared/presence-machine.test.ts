import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DESKTOP_SETTINGS,
  lastActivityAt,
  startPresenceMachine,
  stepPresence,
  type PresenceInput,
  type PresenceMachine,
  type PresenceReason,
  type PresenceSettings,
  type PresenceState,
} from '../../../src-shared';

const MIN = 60_000;
const T0 = Date.UTC(2025, 4, 6, 15);
/** Away after 5 minutes, extended away after 15, automatic presence on. */
const DEFAULTS: PresenceSettings = DEFAULT_DESKTOP_SETTINGS;

/** `at`: ms after T0. `settings` replaces the defaults from this step on. */
interface Step {
  at: number;
  input: PresenceInput;
  settings?: Partial<PresenceSettings>;
  expect: [PresenceState, PresenceReason];
}

/** Runs the steps from a fresh machine at T0 and checks the presence after each. */
function run(steps: Step[], initial: Partial<PresenceSettings> = {}): PresenceMachine {
  let settings = { ...DEFAULTS, ...initial };
  let machine = startPresenceMachine(settings, T0);
  steps.forEach((step, index) => {
    settings = { ...settings, ...step.settings };
    machine = stepPresence(machine, step.input, settings, T0 + step.at);
    const { state, reason } = machine.presence;
    expect([state, reason], `step ${index + 1} (${step.input.kind} at ${step.at} ms)`).toEqual(
      step.expect,
    );
  });
  return machine;
}

const idle = (seconds: number): PresenceInput => ({ kind: 'idle-seconds', seconds });
/** An idle reading taken `at`, saying the last input was `seconds` before it. */
const read = (at: number, seconds: number, expected: [PresenceState, PresenceReason]): Step => ({
  at,
  input: idle(seconds),
  expect: expected,
});

describe('the presence machine: idle thresholds', () => {
  it('starts online and active', () => {
    const machine = startPresenceMachine(DEFAULTS, T0);
    expect(machine.presence).toEqual({ state: 'online', reason: 'active', since: T0 });
  });

  it('believes the idle clock over its own start: a desk idle before the app started is away', () => {
    // The app (re)starts at T0 while nobody has touched the PC for 6 minutes.
    run([read(2_000, 6 * 60, ['away', 'idle'])]);
  });

  it.each([
    { seconds: 0, expected: ['online', 'active'] },
    { seconds: 5 * 60 - 1, expected: ['online', 'active'] },
    { seconds: 5 * 60, expected: ['away', 'idle'] },
    { seconds: 15 * 60 - 1, expected: ['away', 'idle'] },
    { seconds: 15 * 60, expected: ['extended_away', 'idle'] },
    { seconds: 3 * 3600, expected: ['extended_away', 'idle'] },
  ] as const)('idle for $seconds s reads $expected', ({ seconds, expected }) => {
    // Read at the moment the idle clock says, so the machine's own start is not "activity".
    run([read(seconds * 1000, seconds, [...expected])]);
  });

  it('steps online -> away -> extended away as the idle clock runs, then back on activity', () => {
    const machine = run([
      read(1 * MIN, 60, ['online', 'active']),
      read(5 * MIN, 300, ['away', 'idle']),
      read(10 * MIN, 600, ['away', 'idle']),
      read(15 * MIN, 900, ['extended_away', 'idle']),
      read(15 * MIN + 2_000, 0, ['online', 'active']),
    ]);
    expect(machine.presence.since).toBe(T0 + 15 * MIN + 2_000);
  });

  it('keeps `since` when a step changes nothing', () => {
    const machine = run([
      read(5 * MIN, 300, ['away', 'idle']),
      read(6 * MIN, 360, ['away', 'idle']),
    ]);
    expect(machine.presence.since).toBe(T0 + 5 * MIN);
  });

  it('ignores a reading that is not a number of seconds', () => {
    run([
      read(1_000, Number.NaN, ['online', 'active']),
      read(2_000, -5, ['online', 'active']),
      read(10 * MIN, 600, ['away', 'idle']),
    ]);
  });
});

describe('the presence machine: lock, unlock, suspend, resume', () => {
  it('lock sets Away at once; unlock is activity and returns Online', () => {
    run([
      read(1_000, 0, ['online', 'active']),
      { at: 2_000, input: { kind: 'lock-screen' }, expect: ['away', 'locked'] },
      read(3_000, 2, ['away', 'locked']),
      { at: 60_000, input: { kind: 'unlock-screen' }, expect: ['online', 'active'] },
      read(61_000, 0, ['online', 'active']),
    ]);
  });

  it('a long lock becomes extended away as the idle clock runs', () => {
    run([
      { at: 0, input: { kind: 'lock-screen' }, expect: ['away', 'locked'] },
      read(20 * MIN, 20 * 60, ['extended_away', 'idle']),
      { at: 20 * MIN + 1, input: { kind: 'unlock-screen' }, expect: ['online', 'active'] },
    ]);
  });

  it('suspend sets Away at once; resume waits for a reading that shows activity', () => {
    run([
      read(0, 0, ['online', 'active']),
      { at: 1_000, input: { kind: 'suspend' }, expect: ['away', 'suspended'] },
      // The last reading was half an hour ago: idle until a new one says otherwise.
      { at: 30 * MIN, input: { kind: 'resume' }, expect: ['extended_away', 'idle'] },
      read(30 * MIN + 1_000, 1, ['online', 'active']),
    ]);
  });

  it('resume with the person still away leaves them away by the idle clock', () => {
    run([
      read(1_000, 0, ['online', 'active']),
      { at: 2_000, input: { kind: 'suspend' }, expect: ['away', 'suspended'] },
      { at: 2 * MIN, input: { kind: 'resume' }, expect: ['online', 'active'] },
      read(7 * MIN, 6 * 60, ['away', 'idle']),
    ]);
  });
});

describe('the presence machine: manual choices', () => {
  it('a manual Away is never overridden by activity, an unlock or a resume', () => {
    run([
      { at: 1_000, input: { kind: 'manual', state: 'away' }, expect: ['away', 'manual'] },
      read(2_000, 0, ['away', 'manual']),
      { at: 3_000, input: { kind: 'lock-screen' }, expect: ['away', 'manual'] },
      { at: 4_000, input: { kind: 'unlock-screen' }, expect: ['away', 'manual'] },
      { at: 5_000, input: { kind: 'suspend' }, expect: ['away', 'manual'] },
      { at: 6_000, input: { kind: 'resume' }, expect: ['away', 'manual'] },
      read(20 * MIN, 0, ['away', 'manual']),
      read(40 * MIN, 20 * 60, ['away', 'manual']),
    ]);
  });

  it('a manual Offline holds the same way, and only a manual Online ends it', () => {
    run([
      { at: 1_000, input: { kind: 'manual', state: 'offline' }, expect: ['offline', 'manual'] },
      read(2_000, 0, ['offline', 'manual']),
      { at: 3_000, input: { kind: 'unanswered' }, expect: ['offline', 'manual'] },
      { at: 4_000, input: { kind: 'manual', state: 'online' }, expect: ['online', 'active'] },
      read(5_000, 0, ['online', 'active']),
    ]);
  });

  it('a manual Online is activity: a stale idle reading does not send them away again', () => {
    run([
      read(10 * MIN, 600, ['away', 'idle']),
      { at: 10 * MIN, input: { kind: 'manual', state: 'away' }, expect: ['away', 'manual'] },
      { at: 11 * MIN, input: { kind: 'manual', state: 'online' }, expect: ['online', 'active'] },
      // The clock still says 11 minutes idle (a browser host hook): the click was later.
      read(11 * MIN + 1_000, 661, ['online', 'active']),
      read(16 * MIN + 1_000, 961, ['away', 'idle']),
    ]);
  });

  it('an automatic away returns Online on activity', () => {
    run([read(6 * MIN, 360, ['away', 'idle']), read(6 * MIN + 1_000, 0, ['online', 'active'])]);
  });
});

describe('the presence machine: a stuck idle clock counts as unknown', () => {
  it('an idle clock stuck at 0 for longer than the away threshold is not activity', () => {
    const machine = run([
      { at: 0, input: { kind: 'lock-screen' }, expect: ['away', 'locked'] },
      read(1_000, 0, ['away', 'locked']),
      { at: 2_000, input: { kind: 'resume' }, expect: ['online', 'active'] },
      // Zero for more than 5 minutes, then still zero: the clock is unknown from here.
      read(6 * MIN, 0, ['online', 'active']),
      read(6 * MIN + 1_000, 0, ['online', 'active']),
      { at: 7 * MIN, input: { kind: 'suspend' }, expect: ['away', 'suspended'] },
      { at: 8 * MIN, input: { kind: 'resume' }, expect: ['online', 'active'] },
    ]);
    // Unknown: no activity can be measured, so a rung lead never counts as unanswered here.
    expect(lastActivityAt(machine, DEFAULTS)).toBeNull();
  });

  it('a stuck clock is not idleness either: it never sets Away by itself', () => {
    const steps: Step[] = [];
    for (let minute = 0; minute <= 10; minute += 1) {
      steps.push(read(minute * MIN, 0, ['online', 'active']));
    }
    // A known clock would now be 20 minutes past its last reading (extended away); this one is not.
    steps.push({ at: 30 * MIN, input: { kind: 'tick' }, expect: ['online', 'active'] });
    run(steps);
  });

  it('an unanswered Away does not end on a stuck clock, only on an unlock or a manual Online', () => {
    run([
      read(0, 0, ['online', 'active']),
      read(6 * MIN, 0, ['online', 'active']),
      { at: 7 * MIN, input: { kind: 'unanswered' }, expect: ['away', 'unanswered'] },
      read(8 * MIN, 0, ['away', 'unanswered']),
      { at: 9 * MIN, input: { kind: 'lock-screen' }, expect: ['away', 'locked'] },
      { at: 10 * MIN, input: { kind: 'unlock-screen' }, expect: ['online', 'active'] },
    ]);
  });

  it('a value that moves again makes the clock known again', () => {
    const machine = run([
      read(0, 0, ['online', 'active']),
      read(6 * MIN, 0, ['online', 'active']),
      read(6 * MIN + 1_000, 1, ['online', 'active']),
      read(12 * MIN, 360, ['away', 'idle']),
    ]);
    expect(lastActivityAt(machine, DEFAULTS)).toBe(T0 + 6 * MIN);
  });
});

describe('the presence machine: settings', () => {
  it('thresholds changed while idle apply at the next tick', () => {
    run([
      read(4 * MIN, 240, ['online', 'active']),
      {
        at: 4 * MIN + 1,
        input: { kind: 'tick' },
        settings: { awayAfterMinutes: 3, extendedAwayAfterMinutes: 4 },
        expect: ['extended_away', 'idle'],
      },
      {
        at: 4 * MIN + 2,
        input: { kind: 'tick' },
        settings: { awayAfterMinutes: 10, extendedAwayAfterMinutes: 20 },
        expect: ['online', 'active'],
      },
    ]);
  });

  it('a tick reckons idle time from the last reading', () => {
    run([
      read(1 * MIN, 60, ['online', 'active']),
      { at: 5 * MIN, input: { kind: 'tick' }, expect: ['away', 'idle'] },
    ]);
  });

  it('with automatic presence off nothing automatic happens; manual choices still work', () => {
    run(
      [
        read(20 * MIN, 20 * 60, ['online', 'manual']),
        { at: 21 * MIN, input: { kind: 'lock-screen' }, expect: ['online', 'manual'] },
        { at: 22 * MIN, input: { kind: 'suspend' }, expect: ['online', 'manual'] },
        { at: 23 * MIN, input: { kind: 'unanswered' }, expect: ['online', 'manual'] },
        { at: 24 * MIN, input: { kind: 'manual', state: 'away' }, expect: ['away', 'manual'] },
        { at: 25 * MIN, input: { kind: 'manual', state: 'online' }, expect: ['online', 'manual'] },
      ],
      { autoPresence: false },
    );
  });

  it('turning automatic presence back on starts from what the OS said meanwhile', () => {
    run(
      [
        { at: 1_000, input: { kind: 'lock-screen' }, expect: ['online', 'manual'] },
        {
          at: 2_000,
          input: { kind: 'tick' },
          settings: { autoPresence: true },
          expect: ['away', 'locked'],
        },
      ],
      { autoPresence: false },
    );
  });
});

describe('the presence machine: a lead that rang unanswered', () => {
  it('sets Away (unanswered) and activity after it returns Online', () => {
    run([
      read(2 * MIN, 60, ['online', 'active']),
      { at: 2 * MIN, input: { kind: 'unanswered' }, expect: ['away', 'unanswered'] },
      read(2 * MIN + 1_000, 61, ['away', 'unanswered']),
      read(2 * MIN + 2_000, 0, ['online', 'active']),
    ]);
  });

  it('gives way to extended away when the idle clock passes it', () => {
    run([
      read(4 * MIN, 240, ['online', 'active']),
      { at: 4 * MIN, input: { kind: 'unanswered' }, expect: ['away', 'unanswered'] },
      read(15 * MIN, 900, ['extended_away', 'idle']),
    ]);
  });
});
