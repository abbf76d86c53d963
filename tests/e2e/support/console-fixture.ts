import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startBrowserHost, type BrowserHost } from '../../../src-main/host-node';
import { ensureRendererBuilt } from './build-renderer';
import { launchChromium, type TestBrowser } from './chromium';
import { ConsolePage } from './console-page';
import { DemoTruth } from './demo-truth';

/** Big enough that folders, filters and paging all have something to show; quick to load. */
export const E2E_DEMO_LEADS = 2_000;
const DEMO_SEED = 1;

export interface ConsoleFixture {
  host: BrowserHost;
  browser: TestBrowser;
  page: Page;
  console: ConsolePage;
  /** The demo the host loaded, generated again here: what the UI must agree with. */
  truth: DemoTruth;
  dataDir: string;
  /** Reloads the page; the session cookie keeps it signed in. */
  reload(): Promise<void>;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Runs on the empty data folder before the host opens it (to plant a damaged replica...). */
  prepareDataDir?: (dataDir: string) => void;
  /** False when the console is not expected to open normally (the test waits itself). */
  waitUntilOpen?: boolean;
  /** Runs on the new page before it loads the console (to listen to its requests, dialogs...). */
  beforeLoad?: (page: Page) => void;
}

/**
 * One browser host on a free port with its own data folder, seeded with the demo dealer group at
 * a fixed clock, and one Chromium with a fresh profile signed in through the one-time link.
 */
export async function startConsole(options: StartOptions = {}): Promise<ConsoleFixture> {
  const rendererDir = await ensureRendererBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), 'showroom-e2e-data-'));
  options.prepareDataDir?.(dataDir);
  const now = Date.now();
  const demo = { leads: E2E_DEMO_LEADS, seed: DEMO_SEED, now: () => now };
  const host = await startBrowserHost({ dataDir, port: 0, rendererDir, demo });
  let browser: TestBrowser | null = null;
  try {
    browser = await launchChromium();
    const page = await browser.context.newPage();
    const consolePage = new ConsolePage(page);
    options.beforeLoad?.(page);
    await page.goto(host.url);
    if (options.waitUntilOpen ?? true) await consolePage.waitUntilOpen();
    const opened = browser;
    return {
      host,
      browser: opened,
      page,
      console: consolePage,
      truth: new DemoTruth(demo),
      dataDir,
      reload: async () => {
        await page.reload();
        await consolePage.waitUntilOpen();
      },
      close: async () => {
        await opened.close();
        await host.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await browser?.close();
    await host.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
