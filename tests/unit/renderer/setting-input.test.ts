import { describe, expect, it } from 'vitest';
import { parseHotkey, parseWholeMinutes } from '../../../src-renderer/settings/parse-setting';

describe('what a typed setting becomes', () => {
  it('minutes are a whole number, spaces around allowed', () => {
    expect(parseWholeMinutes('5')).toEqual({ ok: true, value: 5 });
    expect(parseWholeMinutes(' 15 ')).toEqual({ ok: true, value: 15 });
  });

  it('leaves the range to the core: 0 and 9999 go through to be judged there', () => {
    expect(parseWholeMinutes('0')).toEqual({ ok: true, value: 0 });
    expect(parseWholeMinutes('9999')).toEqual({ ok: true, value: 9999 });
  });

  it.each(['', ' ', 'five', '1.5', '-3', '1e3', '5 min'])(
    '"%s" is not a number of minutes',
    (typed) => {
      expect(parseWholeMinutes(typed)).toEqual({
        ok: false,
        message: 'Enter a whole number of minutes.',
      });
    },
  );

  it('a key combination is kept as typed, without spaces around the +', () => {
    expect(parseHotkey('CommandOrControl+Shift+A')).toEqual({
      ok: true,
      value: 'CommandOrControl+Shift+A',
    });
    expect(parseHotkey(' Ctrl + Shift + W ')).toEqual({ ok: true, value: 'Ctrl+Shift+W' });
  });

  it('an empty key combination says what to type', () => {
    expect(parseHotkey('  ')).toEqual({
      ok: false,
      message: 'Type a key combination, like CommandOrControl+Shift+A.',
    });
  });
});
