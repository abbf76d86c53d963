import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startBrowserHost, type BrowserHost } from '../../../src-main/host-node';
import type { CloudConfig } from '../../../src-cloud/config';
import type { StartOptions as CloudStartOptions } from '../../../src-cloud/server';
import { startTestCloud, type TestCloud } from '../../integration/cloud/harness/test-cloud';
import { ensureRendererBuilt } from './build-renderer';
import { launchChromium, type TestBrowser } from './chromium';
import { ConsolePage } from './console-page';
import { SignInPage } from './sign-in-page';

/** Enough leads for every folder to hold some in each store; quick to load and to sync. */
export const SYNC_E2E_DEMO_LEADS = 300;

/** One PC: a browser host with its own empty data folder, and a page showing its console. */
export interface Desktop {
  host: BrowserHost;
  page: Page;
  console: ConsolePage;
  signIn: SignInPage;
  dataDir: string;
  /**
   * Brings this PC's page to the front, as the agent sitting down at it. Chromium draws pages
   * behind others lazily, and Playwright waits for a drawn frame before each click.
   */
  sitDown(): Promise<void>;
}

export interface Desktops {
  browser: TestBrowser;
  desktops: Desktop[];
  close(): Promise<void>;
}

export interface SyncedDesktops extends Desktops {
  /** One cloud in this process, on PGlite, with the demo dealer group loaded. */
  cloud: TestCloud;
}

/**
 * `count` desktops (browser hosts with no local demo and fresh data folders), each opened in a
 * page of one Chromium. Nobody is signed in: each page shows the first-run sign-in screen. The
 * hosts keep their session cookies apart (the cookie's name carries the port), so one browser
 * serves as several PCs.
 */
export async function startDesktops(count: number): Promise<Desktops> {
  const rendererDir = await ensureRendererBuilt();
  const cleanUps: (() => Promise<void> | void)[] = [];
  const close = async () => {
    for (const cleanUp of cleanUps.splice(0).reverse()) await cleanUp();
  };
  try {
    const browser = await launchChromium();
    cleanUps.push(() => browser.close());
    const desktops: Desktop[] = [];
    for (let i = 0; i < count; i++) {
      const dataDir = mkdtempSync(join(tmpdir(), `showroom-e2e-pc${i + 1}-`));
      cleanUps.push(() => rmSync(dataDir, { recursive: true, force: true }));
      const host = await startBrowserHost({ dataDir, port: 0, rendererDir, demo: null });
      cleanUps.push(() => host.close());
      const page = await browser.context.newPage();
      await page.goto(host.url);
      desktops.push({
        host,
        page,
        dataDir,
        console: new ConsolePage(page),
        signIn: new SignInPage(page),
        sitDown: () => page.bringToFront(),
      });
    }
    return { browser, desktops, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * A cloud with the demo dealer group, and `count` desktops that can sign in to it. `more`: more
 * settings for the cloud (its SMTP server...) and how it starts (a fast email outbox...).
 */
export async function startSyncedDesktops(
  count: number,
  more: { config?: Partial<CloudConfig>; options?: Omit<CloudStartOptions, 'db'> } = {},
): Promise<SyncedDesktops> {
  const cloud = await startTestCloud(
    'pglite',
    { demo: true, demoLeads: SYNC_E2E_DEMO_LEADS, ...more.config },
    more.options,
  );
  try {
    const desktops = await startDesktops(count);
    return {
      ...desktops,
      cloud,
      close: async () => {
        await desktops.close();
        await cloud.stop();
      },
    };
  } catch (error) {
    await cloud.stop();
    throw error;
  }
}
