import { describe, expect, test } from 'vitest';
import { reportDays, reportRunAt } from '../../../src-cloud/action-expected/report-time';

describe('the hour of a store’s nightly report', () => {
  test('21:00 on the store’s clocks, before and after daylight saving time starts', () => {
    // New York is UTC-5 in winter, UTC-4 from 8 March 2026.
    expect(new Date(reportRunAt('2026-03-07', 21, 'America/New_York')).toISOString()).toBe(
      '2026-03-08T02:00:00.000Z',
    );
    expect(new Date(reportRunAt('2026-03-08', 21, 'America/New_York')).toISOString()).toBe(
      '2026-03-09T01:00:00.000Z',
    );
    expect(new Date(reportRunAt('2026-11-01', 21, 'America/New_York')).toISOString()).toBe(
      '2026-11-02T02:00:00.000Z',
    );
  });

  test('an hour the clocks skip goes out at the first minute after it; a doubled hour, the first', () => {
    // 2:00-3:00 does not exist in New York on 8 March 2026: 3:00 EDT is 07:00Z.
    expect(new Date(reportRunAt('2026-03-08', 2, 'America/New_York')).toISOString()).toBe(
      '2026-03-08T07:00:00.000Z',
    );
    // 1:00 happens twice on 1 November 2026: the first is 1:00 EDT, 05:00Z.
    expect(new Date(reportRunAt('2026-11-01', 1, 'America/New_York')).toISOString()).toBe(
      '2026-11-01T05:00:00.000Z',
    );
  });

  test('today and tomorrow are the store’s own days', () => {
    const lateInNewYork = Date.parse('2030-01-12T04:30:00Z'); // 23:30 on the 11th, 20:30 in LA
    expect(reportDays(lateInNewYork, 'America/New_York')).toEqual(['2030-01-11', '2030-01-12']);
    expect(reportDays(lateInNewYork, 'Europe/Paris')).toEqual(['2030-01-12', '2030-01-13']);
  });
});
