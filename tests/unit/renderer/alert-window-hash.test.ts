import { describe, expect, it } from 'vitest';
import { alertOfferIdFromHash } from '../../../src-renderer/offers/alert-hash';

describe('the Electron alert window address', () => {
  it('names the offer it shows', () => {
    expect(alertOfferIdFromHash('#alert/offer-123')).toBe('offer-123');
    expect(alertOfferIdFromHash('#alert/0b8f%2Dx')).toBe('0b8f-x');
  });

  it('is the console for any other hash', () => {
    for (const hash of ['', '#', '#alert', '#alert/', '#settings', '#alert/a/b', '#xalert/a'])
      expect(alertOfferIdFromHash(hash)).toBeNull();
  });

  it('refuses an id the contract would refuse, or one that does not decode', () => {
    expect(alertOfferIdFromHash(`#alert/${'a'.repeat(65)}`)).toBeNull();
    expect(alertOfferIdFromHash('#alert/%E0%A4%A')).toBeNull();
  });
});
