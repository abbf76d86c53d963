#!/usr/bin/env node
// `npm test` runs everything CI runs; `npm run check` (--fast) the subset to run before every
// commit. Each step runs even when an earlier one failed, so one run shows every problem; the
// last line sums the tests of every suite.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const fast = process.argv.includes('--fast');
const shell = process.platform === 'win32';
const reports = mkdtempSync(join(tmpdir(), 'showroom-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const failedSteps = [];

function step(name, cmd, args) {
  console.log(`\n== ${name}`);
  const { status } = spawnSync(cmd, args, { stdio: 'inherit', shell });
  if (status !== 0) failedSteps.push(name);
  return status === 0;
}

function suite(project) {
  const report = join(reports, `${project}.json`);
  step(`${project} tests`, 'npx', [
    'vitest',
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]);
  try {
    const result = JSON.parse(readFileSync(report, 'utf8'));
    totals.passed += result.numPassedTests;
    totals.failed += result.numFailedTests;
    totals.skipped += result.numPendingTests + result.numTodoTests;
  } catch {
    totals.failed += 1; // the suite did not even report: count it as a failure
  }
}

step('native module for Node', process.execPath, ['scripts/native.mjs', 'node']);
step('format', 'npx', ['prettier', '--check', '--log-level', 'warn', '.']);
step('lint', 'npx', ['eslint', '--max-warnings', '0', '.']);
for (const config of ['tsconfig.shared.json', 'tsconfig.node.json', 'tsconfig.web.json']) {
  step(`types (${config})`, 'npx', ['tsc', '-p', config]);
}
suite('unit');
if (!fast) {
  step('build', 'npx', ['electron-vite', 'build', '--logLevel', 'warn']);
  suite('integration');
  suite('e2e');
}
rmSync(reports, { recursive: true, force: true });

if (failedSteps.length) console.log(`\nfailed steps: ${failedSteps.join(', ')}`);
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedSteps.length || totals.failed ? 1 : 0);
