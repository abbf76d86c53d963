/**
 * Assign Funnel from the details pane, end to end in Chromium against the browser host with the
 * local demo: the steps read as Dana will get them (smart fields filled in), and assigning puts
 * each in her thread as a scheduled text of the funnel, stored so in the replica.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ThreadItem } from '../../../src-shared/console-api/views';
import { DEMO_FIXTURE_LEAD } from '../../../src-shared/demo';
import { startConsole, type ConsoleFixture } from '../support/console-fixture';

const WAIT_MS = 30_000;

describe('assigning a funnel', () => {
  let fx: ConsoleFixture;
  let page: Page;
  const dana = DEMO_FIXTURE_LEAD;

  beforeAll(async () => {
    fx = await startConsole();
    page = fx.page;
  });
  afterAll(async () => {
    await fx?.close();
  });

  async function storedMessages(): Promise<ThreadItem[]> {
    const result = await fx.host.core.call('getThread', {
      leadId: dana.id,
      before: null,
      limit: 50,
    });
    if (!result.ok) throw new Error(result.error.message);
    return (result.value as { items: ThreadItem[] }).items.filter((i) => i.kind === 'message');
  }

  it('previews the steps for the lead, then schedules them in the thread', async () => {
    await fx.console.search(dana.name);
    await fx.console.openLead(dana.id);
    const select = page.getByTestId('funnel-select');
    await select.waitFor({ timeout: WAIT_MS });
    await select.selectOption({ label: 'New internet lead' });
    const steps = page.getByTestId('funnel-steps').locator('li');
    await expect.poll(() => steps.count()).toBeGreaterThan(1);
    const first = await steps.first().innerText();
    expect(first).toMatch(/^at once Hi Dana, \S+ at .+ here\. Thanks for your interest!/);
    expect(first).not.toContain('{');
    const stepCount = await steps.count();

    await page.getByTestId('funnel-assign').click();
    await expect
      .poll(
        async () =>
          (await storedMessages()).filter(
            (i) => i.kind === 'message' && i.message.status === 'scheduled',
          ).length,
        { timeout: WAIT_MS },
      )
      .toBe(stepCount);
    const scheduled = (await storedMessages()).flatMap((i) =>
      i.kind === 'message' && i.message.status === 'scheduled' ? [i.message] : [],
    );
    expect(new Set(scheduled.map((m) => m.funnelId)).size).toBe(1);
    expect(scheduled.some((m) => m.body === first.replace(/^at once /, ''))).toBe(true);
    await page
      .locator('[data-testid="thread-item"][data-kind="message"]')
      .filter({ hasText: /Scheduled for/ })
      .first()
      .waitFor({ timeout: WAIT_MS });
    await page
      .getByTestId('thread-item')
      .filter({ hasText: 'Funnel "New internet lead" assigned' })
      .waitFor({ timeout: WAIT_MS });
  });
});
