import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_FIXTURE_LEAD } from '../../../src-shared/demo';
import { NO_FILTERS } from '../../../src-shared/folders';
import { openReplica } from '../../../src-main/replica/open';
import { parseSeedArgs } from '../../../scripts/seed-args';

const folder = mkdtempSync(join(tmpdir(), 'showroom-seed-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function seed(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/seed.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, SHOWROOM_DATA_DIR: folder },
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

describe('npm run seed', () => {
  it('loads the demo into the data folder and signs agent1 in', () => {
    const run = seed('--leads', '150', '--seed', '4');
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/done: 150 leads, [\d,]+ conversations, [\d,]+ messages/);
    const opened = openReplica(join(folder, 'replica.db'));
    if (!opened.ok) throw new Error(opened.health.message);
    try {
      expect(opened.replica.directory()?.me.email).toBe('agent1@demo.test');
      expect(opened.replica.folderCounts(NO_FILTERS).inbox).toBe(150);
      expect(opened.replica.lead(DEMO_FIXTURE_LEAD.id)?.lead.firstName).toBe('Dana');
    } finally {
      opened.replica.close();
    }
  });

  it('refuses to overwrite a replica that holds data, unless told to', () => {
    const refused = seed('--leads', '20');
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/already holds data; add --force/);
    const forced = seed('--leads', '20', '--force');
    expect(forced.code).toBe(0);
    const opened = openReplica(join(folder, 'replica.db'));
    if (!opened.ok) throw new Error(opened.health.message);
    expect(opened.replica.folderCounts(NO_FILTERS).inbox).toBe(20);
    opened.replica.close();
  });

  it('says which file it cannot use instead of crashing', () => {
    const run = seed('--leads', '5', '--file', folder);
    expect(run.code).toBe(1);
    expect(run.err).toContain(`seed: cannot use ${folder}: `);
  });

  it('answers bad arguments with the problem, the usage and exit code 2', () => {
    for (const args of [
      ['--leads', '-3'],
      ['--leads', 'abc'],
    ]) {
      const run = seed(...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.err).toMatch(/^seed: .+\n\nUsage: npm run seed/);
    }
  });
});

describe('seed arguments', () => {
  const env = { SHOWROOM_DATA_DIR: '/data/showroom' };
  it('reads both --name value and --name=value, with defaults', () => {
    expect(parseSeedArgs(['--leads', '100000'], env)).toEqual({
      leads: 100_000,
      seed: 1,
      file: join('/data/showroom', 'replica.db'),
      force: false,
    });
    expect(parseSeedArgs(['--leads=5', '--seed=-9', '--file=x.db', '--force'], {})).toEqual({
      leads: 5,
      seed: -9,
      file: 'x.db',
      force: true,
    });
    expect(parseSeedArgs(['--leads', '1'], {})).toMatchObject({
      file: join('data/desktop', 'replica.db'),
    });
  });

  it('names the argument that is wrong', () => {
    const fails = (args: string[]) => () => parseSeedArgs(args, env);
    expect(fails(['--leads', '1.5'])).toThrow('--leads must be a whole number, got "1.5"');
    expect(fails(['--leads', '9999999999'])).toThrow(/--leads must be from 0 to/);
    expect(fails(['--leads', '3', '--seed', 'x'])).toThrow('--seed must be a whole number');
    expect(fails(['--leads'])).toThrow('--leads needs a value');
    expect(fails(['--seed', '3'])).toThrow('--leads is required');
    expect(fails(['--leads', '3', 'extra'])).toThrow('unknown argument "extra"');
  });
});
