import { describe, expect, it } from 'vitest';
import {
  allowedWindowFor,
  areaCodeZone,
  customerZone,
  isOutsideQuietHours,
  nextAllowedInstant,
  quietHoursAt,
  type QuietHoursStore,
} from '../../../src-shared/consent';
import { AREA_CODE_ZONES } from '../../../src-shared/consent/area-code-zones';
import { Store } from '../../../src-shared/domain';
import { DEFAULT_QUIET_HOURS, QuietHours } from '../../../src-shared/domain/quiet-hours-settings';
import { isKnownTimeZone } from '../../../src-shared/domain/zoned-time';

const HOUR = 3_600_000;
const MINUTE = 60_000;
/** A store in Denver with the default window, 8:00-21:00 on the customer's clock. */
const STORE: QuietHoursStore = { timeZone: 'America/Denver', quietHours: DEFAULT_QUIET_HOURS };

/**
 * The instant a clock `offsetHours` from UTC shows this wall time: the expectations are built
 * from known offsets, not from the code under test.
 */
const at = (date: string, time: string, offsetHours: number) =>
  Date.parse(`${date}T${time}:00Z`) - offsetHours * HOUR;

/** One customer phone per zone, with that zone's UTC offset in July and in January. */
const ZONES: readonly { name: string; phone: string; summer: number; winter: number }[] = [
  { name: 'Eastern (New York)', phone: '+12125550142', summer: -4, winter: -5 },
  { name: 'Central (Chicago)', phone: '+13125550142', summer: -5, winter: -6 },
  { name: 'Mountain (Denver)', phone: '+13035550142', summer: -6, winter: -7 },
  { name: 'Arizona, no daylight saving (Phoenix)', phone: '+16025550142', summer: -7, winter: -7 },
  { name: 'Pacific (Los Angeles)', phone: '+14155550142', summer: -7, winter: -8 },
  { name: 'Alaska (Anchorage)', phone: '+19075550142', summer: -8, winter: -9 },
  {
    name: 'Hawaii, no daylight saving (Honolulu)',
    phone: '+18085550142',
    summer: -10,
    winter: -10,
  },
];

const NIGHTS = [
  { season: 'summer', evening: '2026-07-14', morning: '2026-07-15' },
  { season: 'winter', evening: '2026-01-14', morning: '2026-01-15' },
] as const;

describe('quiet hours through the night, every 15 minutes from 18:00 to 10:00', () => {
  for (const zone of ZONES) {
    for (const night of NIGHTS) {
      it(`${zone.name}, ${night.season}: texts go out before 21:00 and from 8:00, else wait for 8:00`, () => {
        const offset = night.season === 'summer' ? zone.summer : zone.winter;
        const customer = { phone: zone.phone, state: null };
        const eightAm = at(night.morning, '08:00', offset);
        for (let step = 0; step <= 64; step++) {
          const now = at(night.evening, '18:00', offset) + step * 15 * MINUTE;
          const minutesPast6pm = step * 15;
          // 18:00-20:45 the evening before; 08:00-10:00 the next morning.
          const allowed = minutesPast6pm < 3 * 60 || minutesPast6pm >= 14 * 60;
          const label = `${zone.phone} at 18:00 + ${minutesPast6pm} min`;
          expect(isOutsideQuietHours(now, customer, STORE), label).toBe(!allowed);
          expect(nextAllowedInstant(now, customer, STORE), label).toBe(allowed ? now : eightAm);
        }
      });
    }
  }

  it('the last minute before 21:00 is allowed, 21:00 itself is not; 7:59:59 waits until 8:00:00', () => {
    const customer = { phone: '+12125550142', state: null };
    const nineAm = at('2026-07-15', '09:00', -4);
    expect(isOutsideQuietHours(at('2026-07-14', '20:59', -4) + 59_000, customer, STORE)).toBe(
      false,
    );
    expect(isOutsideQuietHours(at('2026-07-14', '21:00', -4), customer, STORE)).toBe(true);
    expect(nextAllowedInstant(at('2026-07-15', '07:59', -4) + 59_999, customer, STORE)).toBe(
      at('2026-07-15', '08:00', -4),
    );
    expect(nextAllowedInstant(nineAm, customer, STORE)).toBe(nineAm);
  });
});

describe('daylight-saving change nights', () => {
  const newYork = { phone: '+12125550142', state: null };
  const phoenix = { phone: '+16025550142', state: null };

  it('spring forward (8 March 2026): 8:00 comes an hour sooner after 21:00 the evening before', () => {
    // Saturday 21:00 EST = 02:00Z; Sunday 8:00 is already EDT = 12:00Z: ten hours, not eleven.
    const saturdayNine = Date.parse('2026-03-08T02:00:00Z');
    const sundayEight = Date.parse('2026-03-08T12:00:00Z');
    for (let now = saturdayNine; now < sundayEight; now += 15 * MINUTE) {
      expect(isOutsideQuietHours(now, newYork, STORE)).toBe(true);
      expect(nextAllowedInstant(now, newYork, STORE)).toBe(sundayEight);
    }
    expect(nextAllowedInstant(sundayEight, newYork, STORE)).toBe(sundayEight);
    // Arizona keeps its clocks: 8:00 MST is 15:00Z on both days.
    expect(nextAllowedInstant(Date.parse('2026-03-08T05:00:00Z'), phoenix, STORE)).toBe(
      Date.parse('2026-03-08T15:00:00Z'),
    );
  });

  it('fall back (1 November 2026): the repeated hour is still night, 8:00 EST is 13:00Z', () => {
    const saturdayNine = Date.parse('2026-11-01T01:00:00Z'); // 21:00 EDT
    const sundayEight = Date.parse('2026-11-01T13:00:00Z'); // 08:00 EST
    for (let now = saturdayNine; now < sundayEight; now += 15 * MINUTE) {
      expect(nextAllowedInstant(now, newYork, STORE)).toBe(sundayEight);
    }
    expect(isOutsideQuietHours(sundayEight - 1, newYork, STORE)).toBe(true);
    expect(isOutsideQuietHours(sundayEight, newYork, STORE)).toBe(false);
  });

  it('a window that starts inside the spring gap opens at the first minute that exists', () => {
    const store = {
      ...STORE,
      quietHours: { allowed: { start: '02:30', end: '21:00' }, states: {} },
    };
    // 01:00 EST on 8 March 2026; 02:30 does not exist that night, 03:00 EDT (07:00Z) does.
    expect(nextAllowedInstant(Date.parse('2026-03-08T06:00:00Z'), newYork, store)).toBe(
      Date.parse('2026-03-08T07:00:00Z'),
    );
  });
});

describe('stricter windows by state', () => {
  const florida: QuietHoursStore = {
    timeZone: 'America/New_York',
    quietHours: { ...DEFAULT_QUIET_HOURS, states: { FL: { start: '08:00', end: '20:00' } } },
  };
  const miami = { phone: '+13055550142', state: null };
  const newYork = { phone: '+12125550142', state: null };

  it('a Florida customer waits from 20:00, a New York customer in the same zone from 21:00', () => {
    const eightThirtyPm = at('2026-07-14', '20:30', -4);
    expect(isOutsideQuietHours(eightThirtyPm, miami, florida)).toBe(true);
    expect(nextAllowedInstant(eightThirtyPm, miami, florida)).toBe(at('2026-07-15', '08:00', -4));
    expect(isOutsideQuietHours(eightThirtyPm, newYork, florida)).toBe(false);
    expect(quietHoursAt(eightThirtyPm, miami, florida)).toMatchObject({
      zone: { timeZone: 'America/New_York', state: 'FL', source: 'area-code' },
      window: { start: '08:00', end: '20:00' },
      localTime: '20:30',
      allowed: false,
    });
  });

  it('a state window can only narrow the default, never open the night', () => {
    const looser = { ...DEFAULT_QUIET_HOURS, states: { FL: { start: '06:00', end: '23:00' } } };
    expect(allowedWindowFor('FL', looser)).toEqual({ start: '08:00', end: '21:00' });
    const later = { ...DEFAULT_QUIET_HOURS, states: { TX: { start: '09:00', end: '22:00' } } };
    expect(allowedWindowFor('TX', later)).toEqual({ start: '09:00', end: '21:00' });
    expect(allowedWindowFor(null, later)).toEqual({ start: '08:00', end: '21:00' });
  });

  it("the address's state picks the window: a Miami number living in New York gets New York's", () => {
    const moved = { phone: '+13055550142', state: 'NY' };
    expect(isOutsideQuietHours(at('2026-07-14', '20:30', -4), moved, florida)).toBe(false);
  });
});

describe("the customer's time zone: address over area code, then the store's", () => {
  it('an address in another state wins over the number (people keep their numbers when they move)', () => {
    const movedWest = { phone: '+12125550142', state: 'CA' };
    expect(customerZone(movedWest, 'America/Denver')).toEqual({
      timeZone: 'America/Los_Angeles',
      state: 'CA',
      source: 'address',
    });
    // 9:00 in New York is 6:00 in California: wait for 8:00 Pacific.
    const nineEastern = at('2026-07-14', '09:00', -4);
    expect(isOutsideQuietHours(nineEastern, movedWest, STORE)).toBe(true);
    expect(nextAllowedInstant(nineEastern, movedWest, STORE)).toBe(at('2026-07-14', '08:00', -7));
  });

  it("the number's finer zone stands when it is in the address's own state", () => {
    expect(customerZone({ phone: '+19155550142', state: 'TX' }, 'America/Chicago')).toMatchObject({
      timeZone: 'America/Denver',
      source: 'address',
    });
    expect(customerZone({ phone: '+12125550142', state: ' tx ' }, 'UTC').timeZone).toBe(
      'America/Chicago',
    );
    expect(customerZone({ phone: '+18505550142', state: null }, 'UTC').timeZone).toBe(
      'America/Chicago',
    );
  });

  it("an unknown number and no address: the store's own zone", () => {
    for (const phone of ['+447700900123', '+18005550142', '+18765550142', null]) {
      expect(customerZone({ phone, state: null }, 'America/Denver'), String(phone)).toEqual({
        timeZone: 'America/Denver',
        state: null,
        source: 'store',
      });
    }
    // An unknown state falls back to the number.
    expect(customerZone({ phone: '+14165550142', state: 'ZZ' }, 'UTC')).toEqual({
      timeZone: 'America/Toronto',
      state: 'ON',
      source: 'area-code',
    });
    // Hawaii's store texting a British number at 7:00 Honolulu time waits for 8:00 there.
    const honolulu = { ...STORE, timeZone: 'Pacific/Honolulu' };
    const sevenAm = at('2026-07-14', '07:00', -10);
    expect(nextAllowedInstant(sevenAm, { phone: '+447700900123', state: null }, honolulu)).toBe(
      at('2026-07-14', '08:00', -10),
    );
  });

  it('the area-code table: every zone is real, no code listed twice, the big cities right', () => {
    const seen = new Set<string>();
    for (const [state, zone, codes] of AREA_CODE_ZONES) {
      expect(isKnownTimeZone(zone), zone).toBe(true);
      expect(state).toMatch(/^[A-Z]{2}$/);
      for (const code of codes.split(' ').filter(Boolean)) {
        expect(code).toMatch(/^[2-9]\d\d$/);
        expect(seen.has(code), `${code} listed twice`).toBe(false);
        seen.add(code);
      }
    }
    expect(seen.size).toBeGreaterThan(380);
    expect(areaCodeZone('+13105550142')).toEqual({ state: 'CA', timeZone: 'America/Los_Angeles' });
    expect(areaCodeZone('+17135550142')).toEqual({ state: 'TX', timeZone: 'America/Chicago' });
    expect(areaCodeZone('+16045550142')).toEqual({ state: 'BC', timeZone: 'America/Vancouver' });
    expect(areaCodeZone('+13065550142')?.timeZone).toBe('America/Regina');
    expect(areaCodeZone('not a phone')).toBeNull();
  });
});

describe('the store setting', () => {
  it('a store saved before quiet hours existed gets the default 8:00-21:00', () => {
    const { quietHours: _omitted, ...older } = Store.parse(minimalStore());
    expect(Store.parse(older).quietHours).toEqual(DEFAULT_QUIET_HOURS);
  });

  it('bad windows are refused, naming the problem', () => {
    const problems = (value: unknown) =>
      QuietHours.safeParse(value).error?.issues.map((issue) => issue.message) ?? [];
    expect(problems({ allowed: { start: '21:00', end: '08:00' }, states: {} })).toEqual([
      'the window must start before it ends, within one day',
    ]);
    expect(problems({ allowed: { start: '8:00', end: '21:00' }, states: {} })).toEqual([
      'must be a time of day, HH:MM from 00:00 to 23:59',
    ]);
    expect(
      problems({
        allowed: DEFAULT_QUIET_HOURS.allowed,
        states: { fl: DEFAULT_QUIET_HOURS.allowed },
      }),
    ).toEqual(['"fl" is not a state code: two capital letters, like FL or ON']);
  });
});

function minimalStore(): unknown {
  return {
    id: 's1',
    tenantId: 't1',
    name: 'Summit Ford',
    address: { street: '', city: 'Denver', state: 'CO', zip: '' },
    timeZone: 'America/Denver',
    businessHours: {},
    mainPhone: null,
    textingNumber: null,
    leadCallsNumber: null,
    links: { directions: null, voucher: null, creditApp: null },
    campaignNotes: '',
  };
}
