import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

/**
 * The cloud reads its SQL migrations from a `migrations` folder beside its code
 * (src-cloud/db/migrate.ts): the built cloud entry gets a copy beside it.
 */
function cloudMigrations(): Plugin {
  const dir = resolve(import.meta.dirname, 'src-cloud/db/migrations');
  return {
    name: 'showroom-cloud-migrations',
    generateBundle() {
      for (const file of readdirSync(dir).filter((name) => name.endsWith('.sql'))) {
        const source = readFileSync(join(dir, file), 'utf8');
        this.emitFile({ type: 'asset', fileName: `migrations/${file}`, source });
      }
    },
  };
}

export default defineConfig({
  main: {
    plugins: [cloudMigrations()],
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'src-main/index.ts'),
          // The embedded cloud ("Try it on this PC") runs this entry in a utilityProcess.
          cloud: resolve(import.meta.dirname, 'src-cloud/main.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require packages (zod): bundle them into it.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src-preload/index.ts') },
        // A sandboxed preload is loaded as CommonJS, and `"type": "module"` would make .js ESM.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src-renderer'),
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'src-renderer/index.html') } },
    },
  },
});
