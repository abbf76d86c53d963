/**
 * Issue 5 item 5, the live reply: outside the customer's allowed hours the composer warns, says
 * what time it is for them, and offers "Send at 8:00 their time", which schedules the draft for
 * their next 8:00. Chromium against the browser host with the local demo; the page's clock is
 * set (Playwright's clock) to 23:00 tomorrow on Dana's clock, so the test never depends on when
 * it runs, and the scheduled time is still ahead for the host.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ThreadItem } from '../../../src-shared/console-api/views';
import { customerZone } from '../../../src-shared/consent/customer-zone';
import { DEMO_FIXTURE_LEAD, DEMO_STORES } from '../../../src-shared/demo';
import { instantOfWallTime, wallTimeAt } from '../../../src-shared/domain/zoned-time';
import { startConsole, type ConsoleFixture } from '../support/console-fixture';

const WAIT_MS = 30_000;
const DAY = 86_400_000;
const dana = DEMO_FIXTURE_LEAD;
const store = DEMO_STORES.find((s) => s.row.id === dana.storeId)!.row;
/** Dana's clock: her number's area, else her store's zone. */
const ZONE = customerZone({ phone: dana.phone, state: null }, store.timeZone).timeZone;

function onDanasClock(days: number, time: string): number {
  const { date } = wallTimeAt(Date.now() + days * DAY, ZONE);
  const found = instantOfWallTime({ date, time }, ZONE);
  if (!found.ok) throw new Error(found.reason);
  return found.instant;
}

describe("a live reply in the customer's quiet hours", () => {
  let fx: ConsoleFixture;
  let page: Page;
  const lateTonight = onDanasClock(1, '23:00');
  const eightTomorrow = onDanasClock(2, '08:00');

  beforeAll(async () => {
    fx = await startConsole();
    page = fx.page;
    await page.clock.setFixedTime(lateTonight);
  });
  afterAll(async () => {
    await fx?.close();
  });

  async function storedMessages() {
    const result = await fx.host.core.call('getThread', {
      leadId: dana.id,
      before: null,
      limit: 50,
    });
    if (!result.ok) throw new Error(result.error.message);
    return (result.value as { items: ThreadItem[] }).items.flatMap((i) =>
      i.kind === 'message' ? [i.message] : [],
    );
  }

  it('warns with their time and window; sending now stays possible; one click sends at 8:00 their time', async () => {
    await fx.console.search(dana.name);
    await fx.console.openLead(dana.id);
    const warning = page.getByTestId('composer-quiet-hours');
    await expect
      .poll(() => warning.getByTestId('composer-quiet-hours-text').textContent(), {
        timeout: WAIT_MS,
      })
      .toBe(`It is 23:00 for Dana (${ZONE}): texts are allowed 8:00-21:00 their time.`);
    const later = page.getByTestId('composer-send-later');
    expect(await later.textContent()).toBe('Send at 8:00 their time');
    // Nothing to send yet: the one-click button waits for a draft, like Send.
    expect(await later.isDisabled()).toBe(true);

    // The warning and its button pass the accessibility check the composer passes.
    await page.evaluate(readFileSync('node_modules/axe-core/axe.min.js', 'utf8'));
    const serious = (await page.evaluate(`axe.run({ include: [...document.querySelectorAll(
        '[data-testid="composer"]')] }).then((results) => results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`)) as string[];
    expect(serious).toEqual([]);

    const body = 'Thanks Dana, we can talk about the Tacoma in the morning.';
    await page.getByTestId('composer-input').fill(body);
    expect(await page.getByTestId('composer-send').isDisabled()).toBe(false);
    expect(await later.isDisabled()).toBe(false);
    await later.click();

    await expect
      .poll(async () => (await storedMessages()).filter((m) => m.body === body), {
        timeout: WAIT_MS,
      })
      .toEqual([expect.objectContaining({ status: 'scheduled', scheduledAt: eightTomorrow })]);
    // The box empties once the composer hears back, which may be a moment after the store has it.
    await expect.poll(() => page.getByTestId('composer-input').inputValue()).toBe('');
  });
});
