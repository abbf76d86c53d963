import { describe, expect, it } from 'vitest';
import { startupFromEnv } from '../../../src-main/core/demo-data';
import { Backoff } from '../../../src-main/sync/backoff';
import { normalizeCloudUrl } from '../../../src-main/sync/session/cloud-address';

describe('retries back off', () => {
  it('doubling up to the ceiling, each wait between half and all of it', () => {
    const lowest = new Backoff({ firstMs: 1000, maxMs: 8000 }, () => 0);
    expect([1, 2, 3, 4, 5].map(() => lowest.next())).toEqual([500, 1000, 2000, 4000, 4000]);
    const highest = new Backoff({ firstMs: 1000, maxMs: 8000 }, () => 0.999999);
    expect([1, 2, 3, 4, 5].map(() => highest.next())).toEqual([1000, 2000, 4000, 8000, 8000]);
    highest.reset();
    expect(highest.next()).toBe(1000);
  });
});

describe('a cloud address', () => {
  it('is kept in one spelling, so the same cloud is recognised as the same', () => {
    expect(normalizeCloudUrl(' https://Cloud.Example.com/ ')).toBe('https://cloud.example.com');
    expect(normalizeCloudUrl('http://127.0.0.1:8787/showroom/')).toBe(
      'http://127.0.0.1:8787/showroom',
    );
  });

  it('is refused, saying why, when it is not one', () => {
    expect(() => normalizeCloudUrl('ftp://example.com')).toThrow(/https/);
    expect(() => normalizeCloudUrl('https://me:pw@example.com')).toThrow(/user name/);
    expect(() => normalizeCloudUrl('not a url')).toThrow();
  });
});

describe('a fresh install starts', () => {
  it('on the demo dealership on this PC by default; local and off on request', () => {
    expect(startupFromEnv({})).toEqual({ demo: null, tryOnThisPcOnFirstRun: true });
    expect(startupFromEnv({ SHOWROOM_DEMO: 'local', SHOWROOM_DEMO_LEADS: '25' })).toMatchObject({
      demo: { leads: 25 },
      tryOnThisPcOnFirstRun: false,
    });
    expect(startupFromEnv({ SHOWROOM_DEMO: 'off' })).toEqual({
      demo: null,
      tryOnThisPcOnFirstRun: false,
    });
    expect(() => startupFromEnv({ SHOWROOM_DEMO: 'yes' })).toThrow(/SHOWROOM_DEMO/);
  });
});
