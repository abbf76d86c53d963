/**
 * The composer under the thread, end to end in Chromium against the browser host with the local
 * demo (2,000 leads, no cloud): Enter sends and Shift+Enter does not, the smart-field preview is
 * the body stored, a note stays a note, a saved reply goes in, a Dead lead's composer says why it
 * is off, and a whole reply written with the keyboard alone. What was stored is read back
 * through the desktop core, not from the page.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ThreadItem } from '../../../src-shared/console-api/views';
import { DEMO_FIXTURE_LEAD } from '../../../src-shared/demo';
import { startConsole, type ConsoleFixture } from '../support/console-fixture';

const WAIT_MS = 30_000;

describe('the composer', () => {
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

  const input = () => page.getByTestId('composer-input');

  /** The newest items of the lead's thread as the core has them (the replica, not the page). */
  async function storedThread(leadId: string): Promise<ThreadItem[]> {
    const result = await fx.host.core.call('getThread', { leadId, before: null, limit: 20 });
    if (!result.ok) throw new Error(result.error.message);
    return (result.value as { items: ThreadItem[] }).items;
  }

  async function openDana(): Promise<void> {
    await fx.console.search(dana.name);
    await fx.console.openLead(dana.id);
    await page.locator('[data-testid="composer"][data-disabled="false"]').waitFor();
  }

  /** Waits until the thread shows an outbound message saying exactly `body`. */
  async function sentMessageShows(body: string): Promise<void> {
    await page
      .locator('[data-testid="thread-item"][data-kind="message"].thread-out')
      .filter({ has: page.getByTestId('message-body').getByText(body, { exact: true }) })
      .waitFor({ timeout: WAIT_MS });
  }

  /** Presses Tab until the focused element matches `selector` (at most `max` presses). */
  async function tabTo(selector: string, max = 80): Promise<void> {
    const focusedMatches = `document.activeElement?.matches(${JSON.stringify(selector)}) ?? false`;
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(focusedMatches)) return;
    }
    throw new Error(`Tab never reached ${selector}`);
  }

  const focusedTestId = () =>
    page.evaluate("document.activeElement?.getAttribute('data-testid') ?? ''");

  it('shows the channel it sends on', async () => {
    await openDana();
    expect(await page.getByTestId('composer-channel').getAttribute('data-channel')).toBe('sms');
    await expect.poll(() => page.getByTestId('composer-channel').innerText()).toMatch(/SMS/);
  });

  it('Enter sends: the message appears in the thread as outbound and the box empties', async () => {
    const body = 'Yes, it has the factory tow package.';
    await input().fill(body);
    await input().press('Enter');
    await sentMessageShows(body);
    expect(await input().inputValue()).toBe('');
    const stored = (await storedThread(dana.id)).filter((i) => i.kind === 'message');
    expect(stored.at(-1)).toMatchObject({
      kind: 'message',
      message: { body, direction: 'out', status: 'queued' },
    });
  });

  it('Shift+Enter starts a new line and sends nothing', async () => {
    const before = await storedThread(dana.id);
    await input().fill('');
    await input().pressSequentially('Line one');
    await input().press('Shift+Enter');
    await input().pressSequentially('Line two');
    expect(await input().inputValue()).toBe('Line one\nLine two');
    // A send would be in the replica at once (the optimistic effect); nothing was added.
    expect(await storedThread(dana.id)).toEqual(before);
    await input().fill('');
  });

  it('the smart-field preview is exactly the body the customer is sent', async () => {
    const template =
      'Hi {lead.firstName}, this is {agent.firstName} at {store.name}: {store.directionsLink}';
    await input().fill(template);
    const preview = await page.getByTestId('composer-preview-text').innerText();
    expect(preview).toMatch(/^Hi Dana, this is \S+ at .+: https:\/\//);
    expect(preview).not.toContain('{');
    await page.getByTestId('composer-send').click();
    await sentMessageShows(preview);
    const last = (await storedThread(dana.id)).filter((i) => i.kind === 'message').at(-1);
    expect(last?.kind === 'message' && last.message.body).toBe(preview);
  });

  it('a field with no value is named and the reply is not sent until it is fixed', async () => {
    await input().fill('See you at {appointment.time}');
    await expect
      .poll(() => page.getByTestId('composer-field-problems').innerText())
      .toContain('{appointment.time}: no appointment is booked');
    expect(await page.getByTestId('composer-send').isDisabled()).toBe(true);
    const before = await storedThread(dana.id);
    await input().press('Enter');
    expect(await storedThread(dana.id)).toEqual(before);
    await input().fill('');
  });

  it('a note stays a note: a timeline event the customer never sees, not a message', async () => {
    await page.getByTestId('composer-note-toggle').click();
    await page.locator('[data-testid="composer"][data-mode="note"]').waitFor();
    const text = 'Prefers a call after 5 pm; trade title is at home.';
    await input().fill(text);
    await input().press('Enter');
    await page
      .locator('[data-testid="thread-item"][data-kind="event"]')
      .filter({ hasText: text })
      .waitFor({ timeout: WAIT_MS });
    const items = await storedThread(dana.id);
    expect(items.at(-1)).toMatchObject({ kind: 'event', event: { kind: 'note', text } });
    expect(items.some((i) => i.kind === 'message' && i.message.body === text)).toBe(false);
    await page.getByTestId('composer-note-toggle').click();
    await page.locator('[data-testid="composer"][data-mode="message"]').waitFor();
  });

  it('a saved reply is found by a search and inserted into the reply', async () => {
    await input().fill('');
    await page.getByTestId('composer-saved-replies').click();
    await page.locator('[data-testid="saved-replies"][data-loading="false"]').waitFor();
    await page.getByTestId('saved-replies-search').fill('voucher');
    const first = page.getByTestId('saved-reply').first();
    const body = await first.locator('.saved-reply-body').innerText();
    expect(body.toLowerCase()).toContain('voucher');
    await first.click();
    expect(await input().inputValue()).toBe(body);
    await input().fill('');
  });

  it('Send Directions inserts the store’s own directions link', async () => {
    await page.getByTestId('composer-link-directions').click();
    expect(await input().inputValue()).toMatch(/^Here are directions to .+: https:\/\//);
    await input().fill('');
  });

  it('an insert leaves the caret after the new text before the next key, not a frame later', async () => {
    // Keys that come at once must act on the new text: a caret put back a frame later collapsed
    // a select-all typed in between, and its Delete then erased nothing. The click and the look
    // are one task in the page, so no frame can fall between them.
    const after = (await page.evaluate(`(async () => {
      document.querySelector('[data-testid="composer-link-directions"]').click();
      await new Promise(queueMicrotask);
      const box = document.querySelector('[data-testid="composer-input"]');
      return { focused: document.activeElement === box, caret: box.selectionStart,
        length: box.value.length };
    })()`)) as { focused: boolean; caret: number; length: number };
    expect(after.length).toBeGreaterThan(0);
    expect(after).toEqual({ focused: true, caret: after.length, length: after.length });
    await input().fill('');
    expect(await input().inputValue()).toBe('');
  });

  it('a whole reply by keyboard alone: reach the box, type, add a saved reply, send', async () => {
    // Only keys from here on: the shortcuts `/` (search) and `c` (composer), Tab, typing,
    // arrows, Enter.
    // Nothing focused, as when the agent comes back to the window.
    await page.evaluate('document.activeElement?.blur()');
    await page.keyboard.press('/');
    await expect.poll(focusedTestId).toBe('search-input');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(dana.name);
    await fx.console.waitForQueue({ search: dana.name });
    await tabTo(`[data-testid="queue-row"][data-lead-id="${dana.id}"] .queue-row-open`);
    await page.keyboard.press('Enter');
    await page
      .locator(`[data-testid="thread"][data-lead-id="${dana.id}"][data-loading="false"]`)
      .waitFor();
    await page.keyboard.press('c');
    await expect.poll(focusedTestId).toBe('composer-input');
    await page.keyboard.type('Thanks Dana!');
    await page.keyboard.press('Shift+Enter');
    await tabTo('[data-testid="composer-saved-replies"]', 20);
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="saved-replies"][data-loading="false"]').waitFor();
    await page.keyboard.type('appointment');
    const chosen = await page
      .locator('[data-testid="saved-reply"][aria-selected="true"] .saved-reply-body')
      .innerText();
    await page.keyboard.press('Enter');
    // The reply went in at the caret and the box has the focus back.
    await expect.poll(focusedTestId).toBe('composer-input');
    expect(await input().inputValue()).toBe(`Thanks Dana!\n${chosen}`);
    await page.keyboard.press('Enter');
    await sentMessageShows(`Thanks Dana!\n${chosen}`);
    const last = (await storedThread(dana.id)).filter((i) => i.kind === 'message').at(-1);
    expect(last?.kind === 'message' && last.message.body).toBe(`Thanks Dana!\n${chosen}`);
  });

  it('a Dead lead’s composer is disabled, with the reason shown', async () => {
    await fx.console.openFolder('dead');
    const [deadId] = await fx.console.visibleLeadIds();
    expect(deadId).toBeDefined();
    expect(fx.truth.leads.get(deadId!)?.status).toBe('dead');
    await fx.console.openLead(deadId!);
    const reason = page.getByTestId('composer-disabled-reason');
    await reason.waitFor();
    expect(await reason.innerText()).toMatch(/opted out \(Dead\): nobody can message them/);
    expect(await input().isDisabled()).toBe(true);
    expect(await page.getByTestId('composer-send').isDisabled()).toBe(true);
    expect(await input().getAttribute('aria-describedby')).toBe(await reason.getAttribute('id'));
  });

  it('has no serious or critical accessibility violations, nor have its menus', async () => {
    await openDana();
    // Evaluated by the test (as DevTools would), so the page's strict CSP stays as it is.
    await page.evaluate(readFileSync('node_modules/axe-core/axe.min.js', 'utf8'));
    const serious = async () =>
      (await page.evaluate(`axe.run({ include: [...document.querySelectorAll(
          '[data-testid="composer"], .popover')] }).then((results) => results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`)) as string[];
    expect(await serious()).toEqual([]);
    await page.getByTestId('composer-saved-replies').click();
    await page.locator('[data-testid="saved-replies"][data-loading="false"]').waitFor();
    expect(await serious()).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByTestId('composer-emoji').click();
    await page.getByTestId('emoji-menu').waitFor();
    expect(await serious()).toEqual([]);
    await page.keyboard.press('Enter');
    expect(await input().inputValue()).toBe('😀');
    await page.getByTestId('composer-note-toggle').click();
    expect(await serious()).toEqual([]);
  });
});
