import { describe, expect, it } from 'vitest';
import {
  countdownSentence,
  formatCountdown,
  remainingMs,
} from '../../../src-renderer/offers/countdown';
import { ringsInThisWindow } from '../../../src-renderer/offers/which-window-rings';

const offer = { createdAt: 1_000_000, expiresAt: 1_060_000 };

describe("a ringing lead's countdown", () => {
  it('counts down to the deadline and stops at zero', () => {
    expect(remainingMs(offer, 1_000_000)).toBe(60_000);
    expect(remainingMs(offer, 1_045_500)).toBe(14_500);
    expect(remainingMs(offer, 1_060_000)).toBe(0);
    expect(remainingMs(offer, 2_000_000)).toBe(0);
  });

  it('never shows more than the whole offer when this PC runs behind the cloud', () => {
    expect(remainingMs(offer, 900_000)).toBe(60_000);
  });

  it.each([
    [60_000, '1:00'],
    [59_001, '1:00'],
    [59_000, '0:59'],
    [9_000, '0:09'],
    [500, '0:01'],
    [0, '0:00'],
    [-3_000, '0:00'],
    [125_000, '2:05'],
  ])('%i ms left shows %s', (ms, shown) => {
    expect(formatCountdown(ms)).toBe(shown);
  });

  it('is said in words to a screen reader', () => {
    expect(countdownSentence(45_000)).toBe('45 seconds left');
    expect(countdownSentence(1_000)).toBe('1 second left');
    expect(countdownSentence(60_000)).toBe('1 minute left');
    expect(countdownSentence(75_000)).toBe('1 minute 15 s left');
    expect(countdownSentence(0)).toBe('Time is up');
  });
});

describe('which alert window rings', () => {
  it('is the one whose offer rang first among those still ringing', () => {
    expect(ringsInThisWindow('a', ['a', 'b'])).toBe(true);
    expect(ringsInThisWindow('b', ['a', 'b'])).toBe(false);
    expect(ringsInThisWindow('b', ['b'])).toBe(true);
    expect(ringsInThisWindow('a', [])).toBe(false);
  });
});
