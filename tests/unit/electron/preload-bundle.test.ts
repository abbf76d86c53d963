// A sandboxed preload runs without Node's module loader: `require` gives `electron` and a few
// built-ins, never a package from node_modules. So the built preload must carry its
// dependencies (zod, the contract) inside it. This builds it with the project's own
// electron-vite config and runs it the way Electron's sandbox would.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { loadConfigFromFile, PreloadConfigFactory } from 'electron-vite';
import { build, type InlineConfig } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../../src-shared';

const root = resolve(import.meta.dirname, '../../..');
/** What `require` offers a sandboxed preload (Electron docs, "Process Sandboxing"). */
const SANDBOX_MODULES = ['electron', 'events', 'timers', 'url'];

let outDir: string;
let bundle: string;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'showroom-preload-'));
  const { config } = await loadConfigFromFile(
    { command: 'build', mode: 'production' },
    undefined,
    root,
  );
  const preload = { ...config.preload, build: { ...config.preload?.build, outDir } };
  const viteConfig = await new PreloadConfigFactory(
    preload,
    { configFile: false },
    { root },
  ).build();
  await build({ ...(viteConfig as InlineConfig), root, configFile: false, logLevel: 'silent' });
  const [file] = readdirSync(outDir).filter((name) => name.endsWith('.cjs'));
  bundle = readFileSync(join(outDir, file ?? 'missing.cjs'), 'utf8');
}, 60_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('the built preload', () => {
  it('runs in the sandbox and exposes the ConsoleApi', () => {
    const required: string[] = [];
    const exposed = new Map<string, Record<string, unknown>>();
    const electron = {
      contextBridge: {
        exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.set(key, api),
      },
      ipcRenderer: { invoke: async () => undefined, on: () => {}, removeListener: () => {} },
    };
    const sandboxRequire = (name: string) => {
      required.push(name);
      if (name === 'electron') return electron;
      throw new Error(`module not found: ${name}`);
    };
    const module = { exports: {} };
    runInNewContext(bundle, { require: sandboxRequire, module, exports: module.exports });

    expect(required.filter((name) => !SANDBOX_MODULES.includes(name))).toEqual([]);
    expect(Object.keys(exposed.get('showroom') ?? {}).sort()).toEqual(
      [...METHOD_NAMES, 'on'].sort(),
    );
  });
});
