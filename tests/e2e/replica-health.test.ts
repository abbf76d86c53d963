/**
 * A damaged local cache, end to end: the console says so in a banner with the way out, and
 * "Reset local cache and resync" brings the console back with the true counts. Chromium against
 * the browser host with the demo (2,000 leads); needs no `npm run build` (see
 * support/build-renderer.ts).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsole, type ConsoleFixture } from './support/console-fixture';

describe('a damaged local cache', () => {
  let fx: ConsoleFixture;

  beforeAll(async () => {
    fx = await startConsole({
      // Not SQLite at all: what a disk error or a half-copied file leaves behind.
      prepareDataDir: (dir) =>
        writeFileSync(join(dir, 'replica.db'), 'this is not a database\n'.repeat(400)),
      waitUntilOpen: false,
    });
  });

  afterAll(async () => {
    await fx?.close();
  });

  it('shows a banner that says so, and no numbers it cannot trust', async () => {
    const banner = fx.page.getByTestId('replica-banner');
    await banner.waitFor();
    expect(await banner.getAttribute('data-state')).toBe('corrupt');
    expect(await banner.textContent()).toMatch(/damaged/i);
    expect(await fx.console.folderCount('inbox').getAttribute('data-count')).toBeNull();
  });

  it('"Reset local cache and resync" rebuilds it and the console shows the true counts', async () => {
    await fx.page.getByTestId('replica-reset').click();
    await fx.page.getByTestId('replica-banner').waitFor({ state: 'detached' });
    const expected = fx.truth.counts();
    expect(await fx.console.folderCountsOnceSettled(expected)).toEqual(expected);
    await fx.console.waitForQueue();
    expect((await fx.console.visibleLeadIds()).length).toBeGreaterThan(0);
    await fx.page.getByTestId('signed-in-as').waitFor();
  });
});
