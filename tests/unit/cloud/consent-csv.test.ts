import { describe, expect, test } from 'vitest';
import { csvCell, csvText } from '../../../src-cloud/consent/csv';

describe('the consent CSV a manager opens in a spreadsheet', () => {
  test('a cell that would start a formula gets a leading apostrophe', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+13035550142')).toBe("'+13035550142");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('stop = please')).toBe('stop = please');
  });

  test('commas, quotes and line breaks are quoted, quotes doubled', () => {
    expect(csvCell('stop, please')).toBe('"stop, please"');
    expect(csvCell('he said "stop"')).toBe('"he said ""stop"""');
    expect(csvCell('stop\nnow')).toBe('"stop\nnow"');
    expect(csvCell('=A1,"x"')).toBe(`"'=A1,""x"""`);
    expect(csvCell(null)).toBe('');
    expect(csvCell(42)).toBe('42');
  });

  test('rows end with CRLF, the header first', () => {
    expect(csvText(['a', 'b'], [['1', null]])).toBe('a,b\r\n1,\r\n');
  });
});
