import { describe, expect, test } from 'vitest';
import { sightOf } from '../../../src-cloud/sync/visibility';
import { SIGHT_CASES } from './pull-visibility-cases';

describe('what a caller pulls of a row (the JS twin of MAY_SEE and SAW_BEFORE)', () => {
  test.each(SIGHT_CASES)('$name: $expected', ({ row, caller, expected }) => {
    expect(sightOf(row, caller)).toBe(expected);
  });

  test('the cases cover every answer', () => {
    const answers = new Set(SIGHT_CASES.map((c) => c.expected));
    expect(answers).toEqual(new Set(['upsert', 'delete', null]));
  });
});
