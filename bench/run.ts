// `npm run bench` runs every benchmark in bench/; `npm run bench -- <id>` runs one.
// Each benchmark is a standalone script `bench/<id>.ts` that makes its own data and prints
// `bench <id> <metric> <value> <unit> target <op> <value> ok|miss` lines.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';

const dir = import.meta.dirname;
const all = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.startsWith('_'))
  .map((f) => basename(f, '.ts'))
  .sort();

const wanted = process.argv.slice(2);
const unknown = wanted.filter((id) => !all.includes(id));
if (unknown.length) {
  console.error(`unknown benchmark: ${unknown.join(', ')} (have: ${all.join(', ')})`);
  process.exit(2);
}

let crashed = 0;
for (const id of wanted.length ? wanted : all) {
  const { status } = spawnSync(process.execPath, ['--import', 'tsx', join(dir, `${id}.ts`)], {
    stdio: 'inherit',
  });
  if (status !== 0) {
    console.error(`bench ${id} crashed (exit ${status})`);
    crashed += 1;
  }
}
process.exit(crashed ? 1 : 0);
