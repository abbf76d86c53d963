/**
 * "Try it on this PC" end to end: a fresh browser host (no local demo, an empty data folder)
 * whose core starts the embedded cloud as a child process (src-cloud/main.ts --demo on PGlite in
 * the host's data folder) and signs in to it; the page shows the progress, then the console.
 *
 * Needs no `npm run build` (support/build-renderer.ts builds the renderer when stale).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDesktops, type Desktop, type Desktops } from '../support/synced-desktops';

/** The embedded cloud reads its demo size from the environment it inherits: keep it quick. */
const EMBEDDED_DEMO_LEADS = '300';
const WAIT_MS = 120_000;

describe('"Try it on this PC" on a fresh install', () => {
  let fx: Desktops;
  let pc: Desktop;
  const previousLeads = process.env.SHOWROOM_DEMO_LEADS;

  beforeAll(async () => {
    process.env.SHOWROOM_DEMO_LEADS = EMBEDDED_DEMO_LEADS;
    fx = await startDesktops(1);
    [pc] = fx.desktops as [Desktop];
  });

  afterAll(async () => {
    await fx?.close();
    if (previousLeads === undefined) delete process.env.SHOWROOM_DEMO_LEADS;
    else process.env.SHOWROOM_DEMO_LEADS = previousLeads;
  });

  it('one button starts a demo dealership here, shows its progress, then the console', async () => {
    await pc.signIn.waitUntilShown();
    await pc.page.getByTestId('try-on-this-pc').click();

    const progress = pc.page.locator('[data-testid="sign-in-progress"][data-via="this_pc"]');
    await progress.waitFor({ timeout: WAIT_MS });
    expect(await progress.getByRole('progressbar').count()).toBe(1);

    await pc.console.waitUntilOpen();
    expect(await pc.page.getByTestId('signed-in-as').textContent()).toContain('Marcus Bell');
    await pc.page
      .locator('[data-testid="connection-indicator"][data-state="online"]')
      .waitFor({ timeout: WAIT_MS });
    expect(
      Number(await pc.console.folderCount('inbox').getAttribute('data-count')),
    ).toBeGreaterThan(0);
  });

  it('"Sign out" in the user menu returns to the sign-in screen', async () => {
    await pc.page.getByTestId('user-menu').click();
    await pc.page.getByTestId('sign-out').click();
    await pc.signIn.waitUntilShown();
    expect(await pc.page.getByTestId('signed-in-as').count()).toBe(0);
    expect(await pc.page.getByTestId('queue-row').count()).toBe(0);
  });
});
