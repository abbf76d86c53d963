#!/usr/bin/env node
// `npm start`: build, then launch the Electron app; where the Electron binary is missing
// (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1, or offline), the browser host instead.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const shell = process.platform === 'win32';

function electronBinary() {
  try {
    const binary = require('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

function step(cmd, args) {
  execFileSync(cmd, args, { stdio: 'inherit', shell });
}

function launch(cmd, args) {
  const child = spawn(cmd, args, { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

const binary = electronBinary();
if (binary) {
  step(process.execPath, ['scripts/native.mjs', 'electron']);
  step('npx', ['electron-vite', 'build']);
  launch(binary, ['.']);
} else {
  console.log(
    'The Electron binary is not installed here, so Showroom starts in your browser instead (the browser host).',
  );
  step(process.execPath, ['scripts/native.mjs', 'node']);
  step('npx', ['electron-vite', 'build', '--logLevel', 'warn']);
  launch(process.execPath, ['--import', 'tsx', 'src-main/host-node/start.ts']);
}
