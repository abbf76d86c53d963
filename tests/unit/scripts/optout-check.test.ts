import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const folder = mkdtempSync(join(tmpdir(), 'showroom-optout-check-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function check(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/optout-check.ts', ...args], {
    encoding: 'utf8',
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

function fileWith(name: string, text: string): string {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

describe('npm run optout-check -- FILE', () => {
  it('prints OPTOUT or OK, a tab and each message, so a compliance officer can try their wording', () => {
    const file = fileWith(
      'messages.txt',
      [
        'please stop texting me',
        '',
        'can I stop by tomorrow?',
        '   ',
        'ya no me escriban',
        'STOP',
        'I quit my job so I need a cheaper payment\r',
        'cancel',
      ].join('\n'),
    );
    const run = check(file);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toBe(
      [
        'OPTOUT\tplease stop texting me',
        'OK\tcan I stop by tomorrow?',
        'OPTOUT\tya no me escriban',
        'OPTOUT\tSTOP',
        'OK\tI quit my job so I need a cheaper payment',
        'OPTOUT\tcancel',
        '',
      ].join('\n'),
    );
  });

  it('runs as the npm script the issue names', () => {
    const file = fileWith('one.txt', 'no more texts please\n');
    const run = spawnSync('npm', ['run', '--silent', 'optout-check', '--', file], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('OPTOUT\tno more texts please\n');
  });

  it('an empty file prints nothing and succeeds', () => {
    const run = check(fileWith('empty.txt', '\n\n'));
    expect(run).toEqual({ code: 0, out: '', err: '' });
  });

  it('a missing file is a clear error with exit code 2', () => {
    const missing = join(folder, 'nope.txt');
    const run = check(missing);
    expect(run.code).toBe(2);
    expect(run.out).toBe('');
    expect(run.err).toBe(`optout-check: cannot read ${missing}: no such file\n`);
  });

  it('a folder is not a file: exit code 2, saying so', () => {
    const dir = join(folder, 'a-folder');
    mkdirSync(dir);
    const run = check(dir);
    expect(run.code).toBe(2);
    expect(run.err).toBe(`optout-check: cannot read ${dir}: it is a folder, not a file\n`);
  });

  it.skipIf(userInfo().uid === 0)('an unreadable file: exit code 2, saying why', () => {
    const locked = fileWith('locked.txt', 'stop\n');
    chmodSync(locked, 0o000);
    const run = check(locked);
    expect(run.code).toBe(2);
    expect(run.err).toBe(`optout-check: cannot read ${locked}: permission denied\n`);
  });

  it('no file named: the usage, exit code 2', () => {
    const run = check();
    expect(run.code).toBe(2);
    expect(run.err).toContain('Usage: npm run optout-check -- FILE');
  });
});
