import { describe, expect, it } from 'vitest';
import {
  parseScheduleWhen,
  scheduleWhenValue,
  suggestedScheduleTime,
} from '../../../src-renderer/conversations/composer/schedule-input';

const DENVER = 'America/Denver';
const NOW = Date.parse('2030-03-08T17:00:00Z'); // 10:00 in Denver, two days before DST starts

describe('the composer clock’s "send at"', () => {
  it('is read on the store’s clock, whatever the PC’s zone', () => {
    expect(parseScheduleWhen('2030-03-09T09:30', DENVER, NOW)).toEqual({
      ok: true,
      value: Date.parse('2030-03-09T16:30:00Z'),
    });
    // After the clocks go forward Denver is UTC-6.
    expect(parseScheduleWhen('2030-03-11T09:30', DENVER, NOW)).toEqual({
      ok: true,
      value: Date.parse('2030-03-11T15:30:00Z'),
    });
    expect(scheduleWhenValue(Date.parse('2030-03-11T15:30:00Z'), DENVER)).toBe('2030-03-11T09:30');
  });

  it('refuses, with the reason, a blank, a past time, or one the clocks skip', () => {
    expect(parseScheduleWhen('', DENVER, NOW)).toMatchObject({ ok: false, error: /Choose/ });
    expect(parseScheduleWhen('2030-03-08T09:59', DENVER, NOW)).toMatchObject({
      ok: false,
      error: /passed/,
    });
    expect(parseScheduleWhen('2030-03-08T10:00', DENVER, NOW)).toMatchObject({ ok: false });
    expect(parseScheduleWhen('2030-03-10T02:30', DENVER, NOW)).toMatchObject({
      ok: false,
      error: /does not exist/,
    });
  });

  it('offers an hour from now, on the next quarter hour', () => {
    expect(suggestedScheduleTime(Date.parse('2030-03-08T17:05:00Z'))).toBe(
      Date.parse('2030-03-08T18:15:00Z'),
    );
    expect(suggestedScheduleTime(NOW)).toBe(Date.parse('2030-03-08T18:00:00Z'));
  });
});
