import { describe, expect, it } from 'vitest';
import { formatPhone, phoneSearchDigits, toE164 } from '../../../src-shared/phone/phone';

describe('phone numbers', () => {
  it.each([
    ['(970) 123-4567', '+19701234567'],
    ['970.123.4567', '+19701234567'],
    ['+1 970 123 4567', '+19701234567'],
    ['1-970-123-4567', '+19701234567'],
    ['+44 20 7946 0958', '+442079460958'],
  ])('a number typed as %s is stored as %s', (typed, e164) => {
    expect(toE164(typed)).toBe(e164);
  });

  it.each(['', 'abc', '12', '555'])('%j is not a phone number', (typed) => {
    expect(toE164(typed)).toBeNull();
  });

  it('search reads any format of a number as the same national digits', () => {
    expect(phoneSearchDigits('(970) 123-4567')).toBe('9701234567');
    expect(phoneSearchDigits('+1 970-123-4567')).toBe('9701234567');
    expect(phoneSearchDigits('9701234567')).toBe('9701234567');
  });

  it('search does not take a short number or a word with digits for a phone', () => {
    expect(phoneSearchDigits('2021')).toBeNull();
    expect(phoneSearchDigits('Tacoma 2021')).toBeNull();
    expect(phoneSearchDigits('VIN 1HGCM82633A004352')).toBeNull();
  });

  it('US numbers are shown in national format, others internationally', () => {
    expect(formatPhone('+19701234567')).toBe('(970) 123-4567');
    expect(formatPhone('+442079460958')).toBe('+44 20 7946 0958');
  });
});
