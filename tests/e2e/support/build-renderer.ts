import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

const ROOT = resolve(import.meta.dirname, '../../..');
export const RENDERER_OUT = join(ROOT, 'out/renderer');
/** What the renderer bundle is made of: a change to any of these makes out/renderer stale. */
const SOURCES = ['src-renderer', 'src-shared'].map((dir) => join(ROOT, dir));

/**
 * Builds the renderer into out/renderer when it is missing or older than its sources, so that
 * `npm run test:e2e` works on a fresh checkout and never tests yesterday's bundle. It builds the
 * renderer only (the same settings as electron.vite.config.ts): the e2e tests need no main or
 * preload bundle, since the browser host runs src-main under tsx.
 */
export async function ensureRendererBuilt(): Promise<string> {
  const index = join(RENDERER_OUT, 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newestMtime(SOURCES)) return RENDERER_OUT;
  await build({
    configFile: false,
    root: join(ROOT, 'src-renderer'),
    base: './',
    logLevel: 'warn',
    plugins: [react()],
    // React, zod and the phone metadata make one ~500 kB chunk: loaded from disk, not a network.
    build: { outDir: RENDERER_OUT, emptyOutDir: true, chunkSizeWarningLimit: 1024 },
  });
  return RENDERER_OUT;
}

function newestMtime(paths: string[]): number {
  let newest = 0;
  for (const path of paths) {
    const stat = statSync(path);
    if (stat.isDirectory()) {
      const children = readdirSync(path).map((name) => join(path, name));
      newest = Math.max(newest, newestMtime(children));
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  }
  return newest;
}
