/**
 * Two agents of one store on two PCs, end to end: one cloud in this process (PGlite, the demo
 * dealer group), two browser hosts with empty data folders, two Chromium pages. Each agent signs
 * in through the sign-in screen; what one changes shows on the other's screen without a reload
 * (DESIGN §4: outbox -> cloud -> poke -> pull -> replicaChanged).
 *
 * Needs no `npm run build` (support/build-renderer.ts builds the renderer when stale).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FIXTURE_LEAD, DEMO_PASSWORD, DEMO_USERS } from '../../../src-shared/demo';
import type { Folder } from '../../../src-shared/folders/folders';
import { Api } from '../../integration/cloud/harness/api';
import type { Desktop } from '../support/synced-desktops';
import { startSyncedDesktops, type SyncedDesktops } from '../support/synced-desktops';

const DANA = DEMO_FIXTURE_LEAD.id;
const WAIT_MS = 60_000;

describe('two agents of the Denver store, each on their own PC', () => {
  let fx: SyncedDesktops;
  let agent1: Desktop;
  let agent2: Desktop;

  beforeAll(async () => {
    fx = await startSyncedDesktops(2);
    [agent1, agent2] = fx.desktops as [Desktop, Desktop];
  });

  afterAll(async () => {
    await fx?.close();
  });

  const credentials = (email: string, password = DEMO_PASSWORD) => ({
    cloudUrl: fx.cloud.url,
    email,
    password,
  });

  async function count(pc: Desktop, folder: Folder): Promise<number> {
    const shown = pc.page.locator(`[data-testid="folder-count-${folder}"][data-count]`);
    await shown.waitFor({ timeout: WAIT_MS });
    return Number(await shown.getAttribute('data-count'));
  }

  /** A mark in the page's JavaScript world: a reload would wipe it. */
  const markDocument = (pc: Desktop) =>
    pc.page.evaluate(() => {
      (globalThis as Record<string, unknown>).e2eSameDocument = true;
    });
  const stillSameDocument = (pc: Desktop) =>
    pc.page.evaluate(() => (globalThis as Record<string, unknown>).e2eSameDocument === true);

  const statusOption = (pc: Desktop, status: string) =>
    pc.page.locator(`[data-testid="status-option"][data-status="${status}"]`);

  it('a wrong password is refused inline, and the form keeps the address and email', async () => {
    await agent1.sitDown();
    await agent1.signIn.submit(credentials('agent1@demo.test', 'not-the-password'));
    expect(await agent1.signIn.errorText()).toMatch(/wrong email or password/i);
    await agent1.page.getByTestId('sign-in-screen').waitFor();
    expect(await agent1.page.getByLabel('Email', { exact: true }).inputValue()).toBe(
      'agent1@demo.test',
    );
    expect(await agent1.page.getByLabel('Password', { exact: true }).inputValue()).toBe('');
  });

  it('both agents sign in through the sign-in screen and are online', async () => {
    await agent1.sitDown();
    await agent1.signIn.signIn(credentials('agent1@demo.test'));
    await agent2.sitDown();
    await agent2.signIn.signIn(credentials('agent2@demo.test'));
    for (const [pc, name] of [
      [agent1, 'Marcus Bell'],
      [agent2, 'Priya Raman'],
    ] as const) {
      await pc.console.waitUntilOpen();
      expect(await pc.page.getByTestId('signed-in-as').textContent()).toContain(name);
      await pc.page
        .locator('[data-testid="connection-indicator"][data-state="online"]')
        .waitFor({ timeout: WAIT_MS });
      expect(await pc.page.getByTestId('connection-label').textContent()).toBe('Online');
    }
  });

  it('agent1 moves Dana Whitfield from Hot to Warm with the keyboard; agent2 sees it live', async () => {
    await agent1.console.search(DEMO_FIXTURE_LEAD.name);
    await agent2.console.search(DEMO_FIXTURE_LEAD.name);
    await agent2.console.queueRow(DANA).locator('[data-status="hot"]').first().waitFor();
    const hotBefore = await count(agent2, 'hot');
    const warmBefore = await count(agent2, 'warm');
    await markDocument(agent2);

    await agent1.sitDown();
    const picker = agent1.console.queueRow(DANA).getByTestId('status-picker');
    await picker.focus();
    await agent1.page.keyboard.press('Enter');
    // The menu opens on the current status, then arrows move and Enter chooses.
    await statusOption(agent1, 'hot').and(agent1.page.locator(':focus')).waitFor();
    expect(await statusOption(agent1, 'hot').getAttribute('aria-checked')).toBe('true');
    await agent1.page.keyboard.press('ArrowDown');
    await statusOption(agent1, 'warm').and(agent1.page.locator(':focus')).waitFor();
    await agent1.page.keyboard.press('Enter');
    await agent1.page.getByTestId('status-menu').waitFor({ state: 'detached' });
    await agent1.console
      .queueRow(DANA)
      .locator('[data-testid="status-bubble"][data-status="warm"]')
      .waitFor({ timeout: WAIT_MS });

    await agent2.console
      .queueRow(DANA)
      .locator('[data-testid="status-bubble"][data-status="warm"]')
      .waitFor({ timeout: WAIT_MS });
    await agent2.console.waitForFolderCount('hot', hotBefore - 1);
    await agent2.console.waitForFolderCount('warm', warmBefore + 1);
    expect(await stillSameDocument(agent2)).toBe(true);

    // Once the cloud has confirmed it, nothing waits to be sent.
    await agent1.page
      .locator('[data-testid="connection-indicator"][data-state="online"][data-pending="0"]')
      .waitFor({ timeout: WAIT_MS });
  });

  it('agent2 marks her as responded from the lead header; agent1 stops seeing her wait', async () => {
    await agent1.page
      .locator(`[data-testid="queue-row"][data-lead-id="${DANA}"][data-awaiting-since]`)
      .waitFor();
    const awaitingBefore = await count(agent1, 'awaiting');
    await markDocument(agent1);

    await agent2.sitDown();
    await agent2.console.openLead(DANA);
    await agent2.page.getByTestId('mark-responded').click();
    await agent2.page
      .getByTestId('mark-responded')
      .waitFor({ state: 'detached', timeout: WAIT_MS });

    await agent1.page
      .locator(`[data-testid="queue-row"][data-lead-id="${DANA}"]:not([data-awaiting-since])`)
      .waitFor({ timeout: WAIT_MS });
    await agent1.console.waitForFolderCount('awaiting', awaitingBefore - 1);
    expect(await stillSameDocument(agent1)).toBe(true);
  });

  it('a Dead lead cannot be opted back in by an agent: the menu says only a manager can', async () => {
    await agent1.sitDown();
    await agent1.console.queueRow(DANA).getByTestId('status-picker').click();
    await statusOption(agent1, 'dead').click();
    await agent2.console
      .queueRow(DANA)
      .locator('[data-testid="status-bubble"][data-status="dead"]')
      .waitFor({ timeout: WAIT_MS });

    await agent2.sitDown();
    const picker = agent2.console.queueRow(DANA).getByTestId('status-picker');
    await picker.click();
    expect(await agent2.page.getByTestId('status-note').textContent()).toMatch(/only a manager/i);
    expect(await statusOption(agent2, 'hot').getAttribute('aria-disabled')).toBe('true');
    // Enter on a greyed-out status chooses nothing; Escape closes and gives focus back.
    await agent2.page.keyboard.press('Home');
    await agent2.page.keyboard.press('ArrowDown');
    await statusOption(agent2, 'hot').and(agent2.page.locator(':focus')).waitFor();
    await agent2.page.keyboard.press('Enter');
    expect(await agent2.page.getByTestId('status-menu').count()).toBe(1);
    await agent2.page.keyboard.press('Escape');
    await agent2.page.getByTestId('status-menu').waitFor({ state: 'detached' });
    await picker.and(agent2.page.locator(':focus')).waitFor();
    expect(
      await agent2.console.queueRow(DANA).getByTestId('status-bubble').getAttribute('data-status'),
    ).toBe('dead');
  });

  it('a change the cloud refuses is undone, and a notice says what and why', async () => {
    // Sent straight to agent1's core, as a change queued before this window opened would be: the
    // UI offers no label that does not exist, the cloud refuses one (not_found).
    const sent = await agent1.host.core.call('mutate', {
      name: 'updateLead',
      args: { leadId: DANA, patch: { labelIds: ['no-such-label'] } },
    });
    expect(sent.ok).toBe(true);
    await agent1.sitDown();
    const notice = agent1.page.getByTestId('change-rejected');
    await notice.waitFor({ timeout: WAIT_MS });
    expect(await notice.getAttribute('data-code')).toBe('not_found');
    const text = (await notice.textContent()) ?? '';
    expect(text).toMatch(/undone: an edit to a lead/i);
    expect(text).toMatch(/labels not found: no-such-label/i);

    await notice.getByRole('button', { name: /dismiss/i }).click();
    await notice.waitFor({ state: 'detached' });
  });

  it('"Switch user" ends the session and the next agent signs in on the same PC', async () => {
    await agent1.sitDown();
    await agent1.page.getByTestId('user-menu').click();
    await agent1.page.getByTestId('switch-user').click();
    await agent1.signIn.waitUntilShown();
    const cloudShown = await agent1.page.getByLabel('Cloud address', { exact: true }).inputValue();
    expect(new URL(cloudShown).origin).toBe(new URL(fx.cloud.url).origin);
    expect(await agent1.page.getByTestId('signed-in-as').count()).toBe(0);
    expect(await agent1.page.getByTestId('queue-row').count()).toBe(0);

    await agent1.signIn.signIn(credentials('agent2@demo.test'));
    await agent1.console.waitUntilOpen();
    expect(await agent1.page.getByTestId('signed-in-as').textContent()).toContain('Priya Raman');
  });

  it('when an admin disables an agent, each PC she is on returns to sign-in and says why', async () => {
    const priya = DEMO_USERS.find((user) => user.email === 'agent2@demo.test');
    const admin = await new Api(fx.cloud.url).login('admin@demo.test', DEMO_PASSWORD);
    const disabled = await admin.post(`/v1/admin/users/${priya?.id}/disable`);
    expect(disabled.status).toBe(204);

    for (const pc of [agent1, agent2]) {
      const ended = pc.page.getByTestId('session-ended');
      await ended.waitFor({ timeout: WAIT_MS });
      expect((await ended.textContent())?.trim()).not.toBe('');
      await pc.signIn.waitUntilShown();
      expect(await pc.page.getByTestId('signed-in-as').count()).toBe(0);
    }
  });
});
