import { describe, expect, test } from 'vitest';
import { checkHistory, loadMigrations } from '../../../src-cloud/db/migrate';

describe('migrations', () => {
  const known = loadMigrations();

  test('are numbered one after another from 1, one file each', () => {
    expect(known.map((m) => m.version)).toEqual(known.map((_, i) => i + 1));
    for (const m of known) expect(m.sql.trim().length).toBeGreaterThan(0);
  });

  test('a database migrated by a newer cloud is refused', () => {
    const applied = [...known, { version: known.length + 1, name: 'from-the-future', sql: '' }];
    expect(() => checkHistory(applied, known)).toThrow(/newer Showroom cloud/);
  });

  test('a history that disagrees with the files is refused', () => {
    const first = known[0];
    if (!first) throw new Error('no migrations');
    expect(() => checkHistory([{ version: 1, name: 'renamed' }], known)).toThrow(
      /history disagrees/,
    );
    expect(() => checkHistory([{ version: 1, name: first.name }], known)).not.toThrow();
  });
});
