// The real Electron app, driven by Playwright's `_electron`. It needs the Electron binary, which
// cannot be downloaded on machines installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1 (CI here):
// there the suite reports itself skipped, with that reason in its name. The same renderer and
// core are exercised everywhere else through the browser host.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { _electron as electron, type ElectronApplication } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

function electronBinary(): string | null {
  try {
    const binary: unknown = createRequire(import.meta.url)('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const title = binary
  ? 'the Electron app'
  : 'the Electron app (skipped: no Electron binary here, installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1)';

describe.skipIf(!binary)(title, () => {
  let app: ElectronApplication;

  beforeAll(async () => {
    app = await electron.launch({ executablePath: binary ?? undefined, args: ['.'] });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('opens the console with the ConsoleApi and no Node in the page', async () => {
    const page = await app.firstWindow();
    await page.waitForSelector('[data-testid="folder-count-inbox"]');
    const exposed = await page.evaluate(() => {
      const page = globalThis as { showroom?: unknown; require?: unknown; process?: unknown };
      return {
        api: typeof page.showroom,
        require: typeof page.require,
        process: typeof page.process,
      };
    });
    expect(exposed).toEqual({ api: 'object', require: 'undefined', process: 'undefined' });
  });
});
