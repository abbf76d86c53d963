/**
 * Scheduling from the composer (issue 5 item 6), end to end in Chromium against two browser
 * hosts signed in to one cloud: agent 1 of the Denver store schedules a reply with the
 * composer's clock, moves it, then cancels it; the thread and the Scheduled folder follow on
 * both screens, agent 2 (not its author) is offered neither Edit nor Cancel, and the cloud's
 * own row is checked at each step.
 */
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FIXTURE_LEAD, DEMO_PASSWORD, DEMO_STORES } from '../../../src-shared/demo';
import type { Message } from '../../../src-shared/domain/conversation';
import { formatStoreTime } from '../../../src-shared/domain/store-time';
import { instantOfWallTime, wallTimeAt } from '../../../src-shared/domain/zoned-time';
import type { Folder } from '../../../src-shared/folders/folders';
import { startSyncedDesktops, type Desktop, type SyncedDesktops } from '../support/synced-desktops';

const DANA = DEMO_FIXTURE_LEAD.id;
const ZONE = DEMO_STORES.find((store) => store.row.id === DEMO_FIXTURE_LEAD.storeId)!.row.timeZone;
const WAIT_MS = 60_000;
const DAY = 86_400_000;
const BODY = 'We can hold the Tacoma for you until Saturday.';

/** The datetime-local value, on the store's clock, `days` from today at `time`; and its instant. */
function storeTime(days: number, time: string): { value: string; at: number } {
  const { date } = wallTimeAt(Date.now() + days * DAY, ZONE);
  const found = instantOfWallTime({ date, time }, ZONE);
  if (!found.ok) throw new Error(found.reason);
  return { value: `${date}T${time}`, at: found.instant };
}

describe('a reply scheduled from the composer, seen by two agents of the Denver store', () => {
  let fx: SyncedDesktops;
  let agent1: Desktop;
  let agent2: Desktop;
  let before: number;

  beforeAll(async () => {
    fx = await startSyncedDesktops(2);
    [agent1, agent2] = fx.desktops as [Desktop, Desktop];
    for (const [pc, email] of [
      [agent1, 'agent1@demo.test'],
      [agent2, 'agent2@demo.test'],
    ] as const) {
      await pc.sitDown();
      await pc.signIn.signIn({ cloudUrl: fx.cloud.url, email, password: DEMO_PASSWORD });
      await pc.console.waitUntilOpen();
      await pc.console.search(DEMO_FIXTURE_LEAD.name);
      await pc.console.openLead(DANA);
    }
    before = await count(agent2, 'scheduled');
  });
  afterAll(async () => fx?.close());

  async function count(pc: Desktop, folder: Folder): Promise<number> {
    const shown = pc.page.locator(`[data-testid="folder-count-${folder}"][data-count]`);
    await shown.waitFor({ timeout: WAIT_MS });
    return Number(await shown.getAttribute('data-count'));
  }
  /** The scheduled message in a PC's thread, found by its words. */
  const scheduledItem = (pc: Desktop): Locator =>
    pc.page
      .locator('[data-testid="thread-item"][data-kind="message"]')
      .filter({ has: pc.page.getByTestId('message-body').getByText(BODY, { exact: true }) });
  /** The cloud's rows of that message (none once cancelled). */
  const cloudRows = async () =>
    (
      await fx.cloud.db.query<{ row: Message }>(
        `SELECT row FROM messages WHERE lead_id = $1 AND NOT deleted AND row ->> 'body' = $2`,
        [DANA, BODY],
      )
    ).map((found) => found.row);
  /** Waits until the cloud's rows are `expected` (the outbox sends in the background). */
  const cloudHas = async (expected: unknown) =>
    expect.poll(cloudRows, { timeout: WAIT_MS }).toEqual(expected);

  it('the clock schedules it: in both threads as scheduled, and in the Scheduled folder', async () => {
    const first = storeTime(2, '10:00');
    await agent1.sitDown();
    await agent1.page.getByTestId('composer-input').fill(BODY);
    await agent1.page.getByTestId('composer-schedule').click();
    const form = agent1.page.getByTestId('schedule-form');
    expect(await form.textContent()).toContain(`store time, ${ZONE}`);
    await form.getByTestId('schedule-when').fill(first.value);
    await expect
      .poll(() => form.getByTestId('schedule-reading').textContent())
      .toBe(`Goes out ${formatStoreTime(first.at, ZONE)}`);
    await form.getByTestId('schedule-save').click();
    await form.waitFor({ state: 'detached' });
    expect(await agent1.page.getByTestId('composer-input').inputValue()).toBe('');

    for (const pc of [agent1, agent2]) {
      await pc.console.waitForFolderCount('scheduled', before + 1);
      const item = scheduledItem(pc);
      await item.waitFor({ timeout: WAIT_MS });
      await expect
        .poll(() => item.getByTestId('scheduled-store-time').textContent(), { timeout: WAIT_MS })
        .toBe(`Goes out ${formatStoreTime(first.at, ZONE)} (store time)`);
      expect(await item.getByTestId('delivery-status').textContent()).toContain('Scheduled for');
    }
    await cloudHas([expect.objectContaining({ status: 'scheduled', scheduledAt: first.at })]);
    // Agent 2 did not write it: no Edit, no Cancel on their screen.
    expect(await scheduledItem(agent2).getByTestId('scheduled-edit').count()).toBe(0);
    expect(await scheduledItem(agent2).getByTestId('scheduled-cancel').count()).toBe(0);
  });

  it('a time already past is named in the form and nothing is sent', async () => {
    await agent1.sitDown();
    const item = scheduledItem(agent1);
    await item.getByTestId('scheduled-edit').click();
    const form = item.getByTestId('schedule-form');
    await form.getByTestId('schedule-when').fill(storeTime(-1, '10:00').value);
    await form.getByTestId('schedule-save').click();
    await expect.poll(() => form.getByTestId('schedule-error').textContent()).toMatch(/passed/);
    await form.getByTestId('schedule-close').click();
    await form.waitFor({ state: 'detached' });
    await cloudHas([expect.objectContaining({ scheduledAt: storeTime(2, '10:00').at })]);
  });

  it('Edit moves it: the new time shows on both screens and in the cloud; still one scheduled', async () => {
    const moved = storeTime(3, '16:30');
    await agent1.sitDown();
    const item = scheduledItem(agent1);
    await item.getByTestId('scheduled-edit').click();
    const form = item.getByTestId('schedule-form');
    await form.getByTestId('schedule-when').fill(moved.value);
    await form.getByTestId('schedule-save').click();
    await form.waitFor({ state: 'detached' });
    for (const pc of [agent1, agent2]) {
      await expect
        .poll(() => scheduledItem(pc).getByTestId('scheduled-store-time').textContent(), {
          timeout: WAIT_MS,
        })
        .toBe(`Goes out ${formatStoreTime(moved.at, ZONE)} (store time)`);
    }
    await cloudHas([expect.objectContaining({ status: 'scheduled', scheduledAt: moved.at })]);
    expect(await count(agent2, 'scheduled')).toBe(before + 1);
  });

  it('Cancel (confirmed) takes it back: gone from both threads, the Scheduled count goes back', async () => {
    await agent1.sitDown();
    const item = scheduledItem(agent1);
    await item.getByTestId('scheduled-cancel').click();
    // Asked once more; "Keep it" would leave it be.
    await item.getByTestId('scheduled-cancel-confirm').click();
    for (const pc of [agent1, agent2]) {
      await scheduledItem(pc).waitFor({ state: 'detached', timeout: WAIT_MS });
      await pc.console.waitForFolderCount('scheduled', before);
    }
    await cloudHas([]);
  });
});
