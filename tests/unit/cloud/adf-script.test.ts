import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAdfArgs } from '../../../scripts/adf-args';
import { validateAdfFiles } from '../../support/adf-corpus';

const folder = mkdtempSync(join(tmpdir(), 'showroom-adf-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function adf(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/adf.ts', ...args], {
    encoding: 'utf8',
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

describe('npm run adf -- --demo N --out DIR', () => {
  it('writes N valid ADF documents, one per demo lead, named by its id', () => {
    const out = join(folder, 'made/here');
    const run = adf('--demo', '60', '--out', out, '--seed', '3');
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toContain(`adf: wrote 60 ADF documents to ${out}`);
    const files = readdirSync(out).sort();
    expect(files).toHaveLength(60);
    expect(validateAdfFiles(files.map((f) => join(out, f)))).toBe('');
    for (const file of files) {
      const doc = new DOMParser().parseFromString(
        readFileSync(join(out, file), 'utf8'),
        'text/xml',
      );
      const id = doc.getElementsByTagName('id')[0]?.textContent;
      expect(`${id}.xml`).toBe(file);
    }
  });

  it('says which folder it cannot use', () => {
    const file = join(folder, 'a-file');
    writeFileSync(file, 'x');
    const run = adf('--demo', '1', '--out', file);
    expect(run.code).toBe(1);
    expect(run.err).toContain(`adf: cannot use ${file}`);
  });

  it('answers bad arguments with the problem, the usage and exit code 2', () => {
    const run = adf('--demo', 'ten', '--out', folder);
    expect(run.code).toBe(2);
    expect(run.err).toContain('adf: --demo must be a whole number, got "ten"');
    expect(run.err).toContain('Usage: npm run adf -- --demo N --out DIR');
  });
});

describe('the adf script’s arguments', () => {
  it.each([
    [[], '--demo N is required'],
    [['--demo', '3'], '--out DIR is required'],
    [['--demo', '0', '--out', 'x'], '--demo must be from 1 to 100000, got "0"'],
    [['--demo', '-2', '--out', 'x'], '--demo must be from 1 to 100000, got "-2"'],
    [['--demo', '1.5', '--out', 'x'], '--demo must be a whole number, got "1.5"'],
    [['--demo', '--out', 'x'], '--demo needs a value'],
    [['--demo', '2', '--out'], '--out needs a value'],
    [['--demo', '2', '--demo', '3', '--out', 'x'], '--demo is given twice'],
    [['--leads', '2'], 'unknown argument "--leads"'],
    [['--demo', '2', '--out', 'x', '--seed', 'abc'], '--seed must be a whole number, got "abc"'],
  ])('%j: %s', (argv, message) => {
    expect(() => parseAdfArgs(argv)).toThrow(message);
  });

  it('reads both spellings, with the seed defaulting to 1', () => {
    expect(parseAdfArgs(['--demo', '7', '--out=dir'])).toEqual({ demo: 7, out: 'dir', seed: 1 });
    expect(parseAdfArgs(['--help'])).toBe('help');
  });
});
