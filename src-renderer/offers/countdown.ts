import type { OfferAlert } from '../../src-shared/presence/offer-alert';

/**
 * How long an offer still rings, in ms, never negative. The deadline is the cloud's clock; a
 * desk whose clock runs behind would count more than the whole offer, so it is capped at the
 * offer's own length.
 */
export function remainingMs(offer: Pick<OfferAlert, 'createdAt' | 'expiresAt'>, now: number) {
  const whole = Math.max(0, offer.expiresAt - offer.createdAt);
  return Math.min(whole, Math.max(0, offer.expiresAt - now));
}

/** "1:05", "0:09", "0:00": minutes and seconds left, rounded up so 0:00 means it is over. */
export function formatCountdown(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}

/** "45 seconds left", for a screen reader (the digits alone read badly). */
export function countdownSentence(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  if (seconds === 0) return 'Time is up';
  if (seconds < 60) return `${seconds} ${seconds === 1 ? 'second' : 'seconds'} left`;
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  const head = `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
  return rest === 0 ? `${head} left` : `${head} ${rest} s left`;
}
