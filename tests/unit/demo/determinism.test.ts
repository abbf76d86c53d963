import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateDemo } from '../../../src-shared/demo';
import { NOW } from './demo-data';

const render = (seed: number, leads: number) =>
  JSON.stringify([...generateDemo({ seed, leads, now: NOW })]);

describe('the demo is the same wherever and whenever it is generated', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('gives byte-identical output for the same seed and options', () => {
    expect(render(11, 400)).toBe(render(11, 400));
  });

  it('gives other leads for another seed', () => {
    const a = render(11, 200);
    const b = render(12, 200);
    expect(a).not.toBe(b);
  });

  it('does not read the clock: another system time changes nothing', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2031-03-01T00:00:00Z'));
    const later = render(5, 150);
    vi.setSystemTime(new Date('2020-01-01T00:00:00Z'));
    expect(render(5, 150)).toBe(later);
  });

  it('keeps lead i the same whatever the number of leads asked for', () => {
    const leadsOf = (count: number) =>
      [...generateDemo({ seed: 3, leads: count, now: NOW })]
        .flat()
        .filter((c) => c.table === 'leads' || c.table === 'messages')
        .map((c) => JSON.stringify(c));
    const small = leadsOf(120);
    const large = new Set(leadsOf(700));
    expect(small.every((row) => large.has(row))).toBe(true);
  });

  it('refuses options it cannot honour, naming them', () => {
    const run = (options: { seed: number; leads: number; now: number }) => () => [
      ...generateDemo(options),
    ];
    expect(run({ seed: 1, leads: -3, now: NOW })).toThrow(/leads/);
    expect(run({ seed: 1, leads: 2.5, now: NOW })).toThrow(/leads/);
    expect(run({ seed: 1.5, leads: 3, now: NOW })).toThrow(/seed/);
    expect(run({ seed: 1, leads: 3, now: Number.NaN })).toThrow(/now/);
  });
});
