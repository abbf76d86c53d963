import { describe, expect, test } from 'vitest';
import { quietHoursWarning } from '../../../src-renderer/conversations/composer/quiet-hours-warning';
import { DEFAULT_QUIET_HOURS } from '../../../src-shared/domain/quiet-hours-settings';

const HOUR = 3_600_000;
/** Denver keeps UTC-6 in July 2026. */
const denver = (date: string, time: string) => Date.parse(`${date}T${time}:00Z`) + 6 * HOUR;
const dana = {
  firstName: 'Dana',
  lastName: 'Whitfield',
  phones: [{ number: '+19705550123', type: 'mobile' as const }],
};
/** A store in New York: the customer's clock, not the store's, decides. */
const store = { timeZone: 'America/New_York', quietHours: DEFAULT_QUIET_HOURS };

describe("the live reply's quiet-hours warning", () => {
  test('late evening on their clock: the warning names their time, zone and window', () => {
    const warning = quietHoursWarning(denver('2026-07-14', '22:40'), dana, store);
    expect(warning).toEqual({
      text: 'It is 22:40 for Dana (America/Denver): texts are allowed 8:00-21:00 their time.',
      sendLaterLabel: 'Send at 8:00 their time',
      sendAt: denver('2026-07-15', '08:00'),
    });
  });

  test('early morning: "send later" is 8:00 the same day', () => {
    const warning = quietHoursWarning(denver('2026-07-15', '06:05'), dana, store);
    expect(warning?.text).toBe(
      'It is 6:05 for Dana (America/Denver): texts are allowed 8:00-21:00 their time.',
    );
    expect(warning?.sendAt).toBe(denver('2026-07-15', '08:00'));
  });

  test('inside the window (its first minute included, its last excluded): no warning', () => {
    expect(quietHoursWarning(denver('2026-07-15', '08:00'), dana, store)).toBeNull();
    expect(quietHoursWarning(denver('2026-07-15', '20:59'), dana, store)).toBeNull();
    expect(quietHoursWarning(denver('2026-07-15', '21:00'), dana, store)).not.toBeNull();
  });

  test("a stricter state window is the one named; an unknown number falls back to the store's zone", () => {
    const florida = {
      timeZone: 'America/New_York',
      quietHours: { ...DEFAULT_QUIET_HOURS, states: { FL: { start: '08:00', end: '20:00' } } },
    };
    const miami = {
      firstName: '',
      lastName: '',
      phones: [{ number: '+13055550123', type: 'home' as const }],
    };
    const at2030 = Date.parse('2026-07-14T20:30:00Z') + 4 * HOUR;
    expect(quietHoursWarning(at2030, miami, florida)?.text).toBe(
      'It is 20:30 for Unknown (America/New_York): texts are allowed 8:00-20:00 their time.',
    );
    const noPhone = { firstName: 'Sam', lastName: null, phones: [] };
    expect(quietHoursWarning(at2030, noPhone, store)).toBeNull();
    expect(quietHoursWarning(at2030 + 2 * HOUR, noPhone, store)?.text).toBe(
      'It is 22:30 for Sam (America/New_York): texts are allowed 8:00-21:00 their time.',
    );
  });
});

test('a store row from before quiet hours existed gets the default window', () => {
  const old = { timeZone: 'America/Denver' } as { timeZone: string; quietHours?: unknown };
  const at2230 = Date.parse('2026-07-14T22:30:00Z') + 6 * 3_600_000;
  const noPhone = { firstName: 'Sam', lastName: null, phones: [] };
  expect(quietHoursWarning(at2230, noPhone, old)?.text).toBe(
    'It is 22:30 for Sam (America/Denver): texts are allowed 8:00-21:00 their time.',
  );
});
