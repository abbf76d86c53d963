/**
 * Issue 5's compliance acceptance, as the agent sees it: once Dana is Dead (opted out), every
 * way of texting her is off with the reason in words (the composer and its Send Directions /
 * Voucher / Credit App buttons, the clock, the Funnel section), and a text scheduled before she
 * opted out fails when its time comes, the thread saying "Failed:" and why. Chromium against a
 * browser host signed in to a cloud with the demo dealer group (agent 1 of the Denver store);
 * the cloud's release job is run on a clock at the text's time.
 */
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScheduledReleases } from '../../../src-cloud/scheduled/release-job';
import { DEMO_FIXTURE_LEAD, DEMO_PASSWORD, DEMO_STORES } from '../../../src-shared/demo';
import type { Message } from '../../../src-shared/domain/conversation';
import { deliveryErrorText } from '../../../src-shared/domain/delivery-errors';
import { instantOfWallTime, wallTimeAt } from '../../../src-shared/domain/zoned-time';
import { startSyncedDesktops, type Desktop, type SyncedDesktops } from '../support/synced-desktops';

const DANA = DEMO_FIXTURE_LEAD.id;
const ZONE = DEMO_STORES.find((store) => store.row.id === DEMO_FIXTURE_LEAD.storeId)!.row.timeZone;
const WAIT_MS = 60_000;
const DAY = 86_400_000;
const BODY = 'Checking in: is Saturday still good for the Tacoma?';
const LINKS = ['directions', 'voucher', 'creditApp'] as const;

/** The datetime-local value, on the store's clock, `days` from today at `time`; and its instant. */
function storeTime(days: number, time: string): { value: string; at: number } {
  const { date } = wallTimeAt(Date.now() + days * DAY, ZONE);
  const found = instantOfWallTime({ date, time }, ZONE);
  if (!found.ok) throw new Error(found.reason);
  return { value: `${date}T${time}`, at: found.instant };
}

describe('a Dead lead, as the agent sees every send path', () => {
  let fx: SyncedDesktops;
  let agent: Desktop;
  const when = storeTime(1, '10:00');

  beforeAll(async () => {
    fx = await startSyncedDesktops(1);
    [agent] = fx.desktops as [Desktop];
    await agent.sitDown();
    await agent.signIn.signIn({
      cloudUrl: fx.cloud.url,
      email: 'agent1@demo.test',
      password: DEMO_PASSWORD,
    });
    await agent.console.waitUntilOpen();
    await agent.console.search(DEMO_FIXTURE_LEAD.name);
    await agent.console.openLead(DANA);
  });
  afterAll(async () => fx?.close());

  const testId = (id: string): Locator => agent.page.getByTestId(id);
  const cloudRows = async () =>
    (
      await fx.cloud.db.query<{ row: Message }>(
        `SELECT row FROM messages WHERE lead_id = $1 AND NOT deleted AND row ->> 'body' = $2`,
        [DANA, BODY],
      )
    ).map((found) => found.row);

  it('while she can be texted, a text is scheduled and every tool is on', async () => {
    await testId('composer-input').fill(BODY);
    for (const kind of LINKS) {
      expect(await testId(`composer-link-${kind}`).isDisabled(), kind).toBe(false);
    }
    await testId('composer-schedule').click();
    const form = testId('schedule-form');
    await form.getByTestId('schedule-when').fill(when.value);
    await form.getByTestId('schedule-save').click();
    await form.waitFor({ state: 'detached' });
    await expect
      .poll(cloudRows, { timeout: WAIT_MS })
      .toEqual([expect.objectContaining({ status: 'scheduled', scheduledAt: when.at })]);
    await testId('funnel-select').waitFor({ timeout: WAIT_MS });
  });

  it('opted out: the composer, the link buttons, the clock and the funnel are off, each saying why', async () => {
    const details = testId('lead-details');
    await details.getByTestId('details-opt-out').click();
    await details.getByTestId('details-opt-reason').fill('Asked us to stop texting');
    await details.getByTestId('details-opt-confirm').click();
    await details
      .locator('[data-testid="details-opt-state"][data-can-message="false"]')
      .waitFor({ timeout: WAIT_MS });

    const reason = testId('composer-disabled-reason');
    await reason.waitFor({ timeout: WAIT_MS });
    expect(await reason.textContent()).toBe(
      'Dana Whitfield opted out (Dead): nobody can message them until a manager opts them back in. You can still add a note.',
    );
    const input = testId('composer-input');
    expect(await input.isDisabled()).toBe(true);
    expect(await input.getAttribute('aria-describedby')).toBe(await reason.getAttribute('id'));
    expect(await testId('composer-send').isDisabled()).toBe(true);
    expect(await testId('composer-schedule').isDisabled()).toBe(true);
    for (const kind of LINKS) {
      const button = testId(`composer-link-${kind}`);
      expect(await button.isDisabled(), kind).toBe(true);
      // A screen reader hears why with the button, as the eye reads it under the box.
      expect(await button.getAttribute('aria-describedby'), kind).toBe(
        await reason.getAttribute('id'),
      );
    }
    // No quiet-hours offer for a lead nobody may text, whatever the hour.
    expect(await testId('composer-quiet-hours').count()).toBe(0);
    const refusal = testId('funnel-refusal');
    await refusal.waitFor({ timeout: WAIT_MS });
    expect(await refusal.textContent()).toBe(
      'Dana Whitfield opted out (Dead): no funnel can text them until a manager opts them back in.',
    );
    expect(await testId('funnel-select').count()).toBe(0);
  });

  it("the text scheduled before she opted out fails at its time: 'Failed:' and why, in the thread", async () => {
    const releases = startScheduledReleases(
      { db: fx.cloud.db, log: fx.cloud.services.log, now: () => when.at + 60_000 },
      DAY,
    );
    try {
      // Other demo leads' texts come due too; Dana's is the one refused for consent.
      expect((await releases.runOnce()).optedOut).toBeGreaterThanOrEqual(1);
    } finally {
      await releases.stop();
    }
    expect(await cloudRows()).toEqual([
      expect.objectContaining({ status: 'failed', errorCode: 'opted_out' }),
    ]);
    const item = agent.page
      .locator('[data-testid="thread-item"][data-kind="message"]')
      .filter({ has: agent.page.getByTestId('message-body').getByText(BODY, { exact: true }) });
    await expect
      .poll(() => item.getByTestId('delivery-status').textContent(), { timeout: WAIT_MS })
      .toBe(` · Failed: ${deliveryErrorText('opted_out')}`);
    expect(deliveryErrorText('opted_out')).toBe(
      'the customer opted out (Dead): nobody can text them until a manager opts them back in',
    );
  });
});
