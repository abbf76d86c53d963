import { describe, expect, test } from 'vitest';
import { stripQuoted } from '../../../src-cloud/relay/strip-quoted';

describe('what a reply shows without the history it quotes', () => {
  test('a Gmail attribution and everything under it goes', () => {
    const text =
      'Tuesday works.\n\nOn Mon, Jan 5, 2026 at 10:00 AM Ann <a@x.test> wrote:\n> Can you come?\n> Thanks';
    expect(stripQuoted(text)).toBe('Tuesday works.');
  });

  test('an attribution wrapped over two lines goes too', () => {
    const text =
      'Yes.\r\n\r\nOn Mon, Jan 5, 2026 at 10:00 AM Ann Agent <lead-abc@relay.test>\r\nwrote:\r\n> Hi';
    expect(stripQuoted(text)).toBe('Yes.');
  });

  test("Outlook's Original Message block and its From/Sent block go", () => {
    expect(stripQuoted('Sure.\n\n-----Original Message-----\nFrom: Ann\nSent: Monday\nHi')).toBe(
      'Sure.',
    );
    expect(stripQuoted('Sure.\n\n________________________________\nFrom: Ann\nSent: Monday')).toBe(
      'Sure.',
    );
    expect(stripQuoted('Sure.\n\nFrom: Ann <a@x.test>\nSent: Monday, January 5\nHi')).toBe('Sure.');
  });

  test('> lines inline are dropped, the answers between them kept', () => {
    expect(stripQuoted('> Which colour?\nRed.\n> Which trim?\nEX-L.')).toBe('Red.\nEX-L.');
  });

  test('a message that mentions "wrote" or starts with "On" is left alone', () => {
    expect(stripQuoted('On second thought, I wrote down the VIN: 123.')).toBe(
      'On second thought, I wrote down the VIN: 123.',
    );
  });

  test('a reply that is only quote is shown whole rather than empty', () => {
    expect(stripQuoted('> only the quote')).toBe('> only the quote');
  });
});
