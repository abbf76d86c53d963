import { describe, expect, it } from 'vitest';
import { checkAppointmentTime } from '../../../src-shared/domain/appointment-time';
import { instantOfWallTime, wallTimeAt } from '../../../src-shared/domain/zoned-time';

const DENVER = 'America/Denver';
const HOUR = 3_600_000;

/** The instant or a failed test that says why: these are times that exist. */
function at(date: string, time: string, zone = DENVER): number {
  const result = instantOfWallTime({ date, time }, zone);
  if (!result.ok) throw new Error(result.reason);
  return result.instant;
}

describe('a wall-clock time in a time zone, as an instant', () => {
  it('winter and summer in Denver: UTC-7, then UTC-6', () => {
    expect(at('2030-01-14', '15:00')).toBe(Date.UTC(2030, 0, 14, 22, 0));
    expect(at('2030-07-15', '15:00')).toBe(Date.UTC(2030, 6, 15, 21, 0));
    expect(at('2030-01-14', '15:00', 'Asia/Kolkata')).toBe(Date.UTC(2030, 0, 14, 9, 30));
  });

  it('the morning clocks go forward: 01:59 is MST, 03:00 is MDT, 02:30 does not exist', () => {
    // 2030-03-10 is the second Sunday of March.
    expect(at('2030-03-10', '01:59')).toBe(Date.UTC(2030, 2, 10, 8, 59));
    expect(at('2030-03-10', '03:00')).toBe(Date.UTC(2030, 2, 10, 9, 0));
    const skipped = instantOfWallTime({ date: '2030-03-10', time: '02:30' }, DENVER);
    expect(skipped).toEqual({ ok: false, reason: expect.stringMatching(/does not exist/) });
  });

  it('the morning clocks go back: 01:30 happens twice and means the first', () => {
    // 2030-11-03 is the first Sunday of November; 01:30 MDT comes an hour before 01:30 MST.
    const first = at('2030-11-03', '01:30');
    expect(first).toBe(Date.UTC(2030, 10, 3, 7, 30));
    expect(wallTimeAt(first + HOUR, DENVER)).toEqual({ date: '2030-11-03', time: '01:30' });
    expect(at('2030-11-03', '09:00')).toBe(Date.UTC(2030, 10, 3, 16, 0));
  });

  it('the same day on both sides of the change, in the southern hemisphere', () => {
    // Sydney goes back from UTC+11 to UTC+10 on the first Sunday of April.
    expect(at('2030-04-06', '10:00', 'Australia/Sydney')).toBe(Date.UTC(2030, 3, 5, 23, 0));
    expect(at('2030-04-07', '10:00', 'Australia/Sydney')).toBe(Date.UTC(2030, 3, 7, 0, 0));
  });

  it('reads back what it was given, and refuses what is not a time', () => {
    const instant = at('2030-07-15', '09:05');
    expect(wallTimeAt(instant, DENVER)).toEqual({ date: '2030-07-15', time: '09:05' });
    for (const [date, time] of [
      ['2030-02-30', '10:00'],
      ['2030-7-15', '10:00'],
      ['2030-07-15', '24:00'],
      ['2030-07-15', '9:00'],
    ] as const) {
      expect(instantOfWallTime({ date, time }, DENVER).ok).toBe(false);
    }
    expect(instantOfWallTime({ date: '2030-07-15', time: '10:00' }, 'Mars/Olympus')).toEqual({
      ok: false,
      reason: 'unknown time zone "Mars/Olympus"',
    });
  });
});

describe('when an appointment may be booked', () => {
  const store = {
    timeZone: DENVER,
    businessHours: {
      mon: { open: '09:00', close: '18:00' },
      tue: { open: '09:00', close: '18:00' },
      sat: { open: '10:00', close: '16:00' },
    },
  };
  const now = Date.UTC(2030, 0, 1, 12, 0);

  it('in the store’s hours, on its own clock', () => {
    expect(checkAppointmentTime(at('2030-01-14', '09:00'), store, now)).toEqual({ ok: true });
    expect(checkAppointmentTime(at('2030-01-14', '17:59'), store, now)).toEqual({ ok: true });
    // 16:30 in Denver is 18:30 in New York: the store's clock decides, not the agent's.
    expect(checkAppointmentTime(at('2030-01-19', '15:30'), store, now)).toEqual({ ok: true });
  });

  it('a time already past is refused', () => {
    const result = checkAppointmentTime(now - 60_000, store, now);
    expect(result).toMatchObject({ ok: false, code: 'in_past' });
    expect(!result.ok && result.reason).toMatch(/already passed/);
    expect(checkAppointmentTime(now, store, now).ok).toBe(false);
  });

  it('a day without hours is closed, named', () => {
    // 2030-01-13 is a Sunday, 2030-01-16 a Wednesday.
    expect(checkAppointmentTime(at('2030-01-13', '12:00'), store, now)).toEqual({
      ok: false,
      code: 'closed_day',
      reason: 'The store is closed on Sundays',
    });
    expect(checkAppointmentTime(at('2030-01-16', '12:00'), store, now)).toMatchObject({
      reason: 'The store is closed on Wednesdays',
    });
  });

  it('before opening or from closing time on, with the hour', () => {
    expect(checkAppointmentTime(at('2030-01-14', '08:59'), store, now)).toMatchObject({
      code: 'before_opening',
      reason: 'The store opens at 09:00 on Mondays (store time)',
    });
    expect(checkAppointmentTime(at('2030-01-14', '18:00'), store, now)).toMatchObject({
      code: 'after_closing',
      reason: 'The store closes at 18:00 on Mondays (store time)',
    });
    expect(checkAppointmentTime(at('2030-01-19', '16:00'), store, now)).toMatchObject({
      reason: 'The store closes at 16:00 on Saturdays (store time)',
    });
  });

  it('the weekday is the store’s: late Monday in Denver is Tuesday in UTC', () => {
    const mondayEvening = at('2030-01-14', '17:30'); // 00:30 UTC on Tuesday
    expect(new Date(mondayEvening).getUTCDay()).toBe(2);
    expect(checkAppointmentTime(mondayEvening, store, now)).toEqual({ ok: true });
    const onlyTuesdays = { ...store, businessHours: { tue: { open: '00:00', close: '23:59' } } };
    expect(checkAppointmentTime(mondayEvening, onlyTuesdays, now)).toMatchObject({
      reason: 'The store is closed on Mondays',
    });
  });

  it('across the change to summer time the hours stay the store’s', () => {
    // The Monday after clocks went forward: 09:00 MDT is 15:00 UTC, not 16:00.
    const monday = at('2030-03-11', '09:00');
    expect(monday).toBe(Date.UTC(2030, 2, 11, 15, 0));
    expect(checkAppointmentTime(monday, store, now)).toEqual({ ok: true });
    expect(checkAppointmentTime(monday - 60_000, store, now)).toMatchObject({
      code: 'before_opening',
    });
  });

  it('a closing time of 00:00 means open until midnight', () => {
    const late = { ...store, businessHours: { mon: { open: '12:00', close: '00:00' } } };
    expect(checkAppointmentTime(at('2030-01-14', '23:30'), late, now)).toEqual({ ok: true });
    expect(checkAppointmentTime(at('2030-01-14', '11:30'), late, now).ok).toBe(false);
  });
});

describe('an appointment row saved before vehicle and note existed', () => {
  it('parses, with neither', async () => {
    const { Appointment } = await import('../../../src-shared/domain/appointment');
    const old = {
      id: 'a',
      tenantId: 't',
      leadId: 'l',
      storeId: 's',
      startsAt: 1,
      status: 'booked',
      createdByUserId: null,
      createdAt: 1,
    };
    expect(Appointment.parse(old)).toEqual({ ...old, vehicle: null, note: null });
  });
});
