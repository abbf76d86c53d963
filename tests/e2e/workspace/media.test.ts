/**
 * Issue 4 "GIF" and images in the thread, end to end: one cloud (PGlite, the demo dealer group),
 * two Denver agents on their own PCs, and a GIPHY stand-in as this PC's GIF search provider.
 * Agent 1 searches GIFs, attaches one and sends it; the message shows the image on both PCs.
 * With no provider set up, the search says so and a GIF file can still be attached.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FIXTURE_LEAD, DEMO_PASSWORD, DEMO_USERS } from '../../../src-shared/demo';
import {
  STAND_IN_KEY,
  startGiphyStandIn,
  type GiphyStandIn,
} from '../../integration/sync/harness/giphy-stand-in';
import { startSyncedDesktops, type Desktop, type SyncedDesktops } from '../support/synced-desktops';

const WAIT_MS = 60_000;
const DANA = DEMO_FIXTURE_LEAD.id;
const user = (email: string) => DEMO_USERS.find((u) => u.email === email)!;
const AGENTS = [user('agent1@demo.test'), user('agent2@demo.test')];

/**
 * axe-core over the GIF search and the thread's images only (the whole screens are the a11y
 * suite's): the serious and critical violations, by rule and element.
 */
async function seriousViolations(page: Page, selectors: string[]): Promise<string[]> {
  // Through the DevTools protocol: the page's CSP (rightly) refuses an injected script tag.
  await page.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core'), 'utf8'));
  return page.evaluate(async (include) => {
    const axe = (globalThis as unknown as { axe: { run(context: unknown): Promise<AxeResults> } })
      .axe;
    const { violations } = await axe.run({ include: include.map((selector) => [selector]) });
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, selectors);
}
interface AxeResults {
  violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
}

/** Resolves once the image has decoded to a real picture (not a broken-image box). */
async function decodedWidth(img: Locator): Promise<number> {
  await img.waitFor({ timeout: WAIT_MS });
  await expect
    .poll(() => img.evaluate((el) => (el as unknown as { complete: boolean }).complete), {
      timeout: WAIT_MS,
    })
    .toBe(true);
  return img.evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth);
}

describe('a GIF found through the search provider, sent, and shown in the thread', () => {
  const saved = { url: process.env.SHOWROOM_GIF_URL, key: process.env.SHOWROOM_GIF_API_KEY };
  let stand: GiphyStandIn;
  let fx: SyncedDesktops;
  let agent1: Desktop;
  let agent2: Desktop;

  beforeAll(async () => {
    stand = await startGiphyStandIn();
    // The browser hosts run their cores in this process: this is "this PC's" set-up.
    process.env.SHOWROOM_GIF_URL = stand.url;
    process.env.SHOWROOM_GIF_API_KEY = STAND_IN_KEY;
    fx = await startSyncedDesktops(2);
    [agent1, agent2] = fx.desktops as [Desktop, Desktop];
    for (const [pc, who] of [
      [agent1, AGENTS[0]!],
      [agent2, AGENTS[1]!],
    ] as const) {
      await pc.sitDown();
      await pc.signIn.signIn({ cloudUrl: fx.cloud.url, email: who.email, password: DEMO_PASSWORD });
      await pc.console.waitUntilOpen();
      await pc.page
        .locator('[data-testid="connection-indicator"][data-state="online"]')
        .waitFor({ timeout: WAIT_MS });
      await pc.console.search(DEMO_FIXTURE_LEAD.name);
      await pc.console.queueRow(DANA).waitFor({ timeout: WAIT_MS });
    }
  }, 240_000);

  afterAll(async () => {
    for (const [name, value] of [
      ['SHOWROOM_GIF_URL', saved.url],
      ['SHOWROOM_GIF_API_KEY', saved.key],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await fx?.close();
    await stand?.close();
  });

  const sentImage = (pc: Desktop) =>
    pc.page
      .locator('[data-testid="thread-item"][data-kind="message"].thread-out')
      .getByTestId('message-image')
      .locator('img[alt="Dance GIF.gif"]');

  it('agent 1 searches GIFs with the keyboard, attaches one and sends it', async () => {
    const { page } = agent1;
    await agent1.sitDown();
    await agent1.console.openLead(DANA);
    await page.getByTestId('composer-gif').click();
    const popover = page.getByTestId('composer-gif-search');
    await popover.waitFor();
    await page.keyboard.type('dance');
    const result = popover.locator('[data-testid="gif-result"][data-id="dance"]');
    expect(await decodedWidth(result.locator('img'))).toBeGreaterThan(0);
    expect(await seriousViolations(page, ['.gif-search', '.composer-tools'])).toEqual([]);

    await page.getByTestId('gif-search-input').press('Enter');
    await popover.waitFor({ state: 'detached', timeout: WAIT_MS });
    await expect
      .poll(() => page.getByTestId('composer-attachments').textContent(), { timeout: WAIT_MS })
      .toContain('Dance GIF.gif');
    expect(stand.requests.map((r) => r.pathname)).toContain('/media/dance.gif');

    await page.getByTestId('composer-send').click();
    expect(await decodedWidth(sentImage(agent1))).toBe(11);
  });

  it('agent 2 sees the same image in the thread on their own PC', async () => {
    await agent2.sitDown();
    await agent2.console.openLead(DANA);
    expect(await decodedWidth(sentImage(agent2))).toBe(11);
    expect(await seriousViolations(agent2.page, ['.message-image'])).toEqual([]);
  });

  it('with no provider set up, the search says so and a GIF file can still be attached', async () => {
    const { page } = agent1;
    await agent1.sitDown();
    delete process.env.SHOWROOM_GIF_URL;
    await page.getByTestId('composer-gif').click();
    await page.getByTestId('gif-search-input').fill('dance');
    await expect
      .poll(() => page.getByTestId('gif-search-status').textContent(), { timeout: WAIT_MS })
      .toMatch(/No GIF search is set up on this PC.*attach a GIF file/);
    expect(await page.getByTestId('gif-result').count()).toBe(0);
    await page.getByTestId('gif-search-file').waitFor();
    await page.keyboard.press('Escape');

    await page.getByTestId('composer-gif-input').setInputFiles({
      name: 'wave.gif',
      mimeType: 'image/gif',
      buffer: Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64'),
    });
    await expect
      .poll(() => page.getByTestId('composer-attachments').textContent(), { timeout: WAIT_MS })
      .toContain('wave.gif');
  });
});
