#!/usr/bin/env node
// better-sqlite3 is a native addon built for one runtime at a time: Node (tests, seed, the
// browser host) or Electron (the app). `node scripts/native.mjs node|electron` makes sure it is
// built for the runtime about to run, and rebuilds only when it is not.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const marker = new URL(
  '../node_modules/better-sqlite3/build/showroom-runtime.json',
  import.meta.url,
);
const target = process.argv[2];

function loadsInNode() {
  // A child process, so that a failed load does not poison this one's module cache.
  const probe = "new (require('better-sqlite3'))(':memory:').prepare('select 1').get()";
  return spawnSync(process.execPath, ['-e', probe], { stdio: 'ignore' }).status === 0;
}

function electronVersion() {
  try {
    const binary = require('electron');
    return typeof binary === 'string' && existsSync(binary)
      ? require('electron/package.json').version
      : null;
  } catch {
    return null; // installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1, or the download failed
  }
}

function builtFor() {
  try {
    return JSON.parse(readFileSync(marker, 'utf8'));
  } catch {
    return null;
  }
}

function run(cmd, args) {
  execFileSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
}

if (target === 'node') {
  if (!loadsInNode()) {
    console.log('Rebuilding better-sqlite3 for Node...');
    run(npm, ['rebuild', 'better-sqlite3']);
    if (!loadsInNode()) {
      console.error(
        'better-sqlite3 does not load in Node even after a rebuild; see the output above.',
      );
      process.exit(1);
    }
  }
  writeFileSync(marker, JSON.stringify({ runtime: 'node', version: process.versions.node }));
} else if (target === 'electron') {
  const version = electronVersion();
  if (!version) {
    console.error('The Electron binary is not installed, so there is nothing to rebuild for.');
    process.exit(3);
  }
  const built = builtFor();
  if (built?.runtime !== 'electron' || built.version !== version) {
    console.log(`Rebuilding better-sqlite3 for Electron ${version}...`);
    run('npx', ['electron-builder', 'install-app-deps']);
    writeFileSync(marker, JSON.stringify({ runtime: 'electron', version }));
  }
} else {
  console.error('usage: node scripts/native.mjs node|electron');
  process.exit(2);
}
