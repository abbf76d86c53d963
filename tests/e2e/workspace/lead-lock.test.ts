/**
 * Issue 4 "Lead lock" end to end: one cloud (PGlite, the demo dealer group), the two Denver
 * agents and their manager, each on their own PC (a browser host and a Chromium page). The
 * first agent into a lead holds its soft lock; the second sees the lock in the queue and, in
 * the lead, "NAME is in this lead" with the lead read-only; typing shows live; the manager
 * takes the lead over and the first agent is told.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FIXTURE_LEAD, DEMO_PASSWORD, DEMO_USERS } from '../../../src-shared/demo';
import { startSyncedDesktops, type Desktop, type SyncedDesktops } from '../support/synced-desktops';

const WAIT_MS = 60_000;
const DANA = DEMO_FIXTURE_LEAD.id;
const user = (email: string) => DEMO_USERS.find((u) => u.email === email)!;
const AGENT1 = user('agent1@demo.test');
const AGENT2 = user('agent2@demo.test');
const MANAGER = DEMO_USERS.find((u) => u.role === 'manager')!;

/**
 * axe-core in the page, over the lead lock's own parts (the whole screens are the a11y suite's):
 * the serious and critical violations, by rule and element.
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

describe('the lead lock, seen by a second agent and taken over by a manager', () => {
  let fx: SyncedDesktops;
  let agent1: Desktop;
  let agent2: Desktop;
  let manager: Desktop;

  beforeAll(async () => {
    fx = await startSyncedDesktops(3);
    [agent1, agent2, manager] = fx.desktops as [Desktop, Desktop, Desktop];
    for (const [pc, who] of [
      [agent1, AGENT1],
      [agent2, AGENT2],
      [manager, MANAGER],
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
    await fx?.close();
  });

  const lockIcon = (pc: Desktop) => pc.console.queueRow(DANA).getByTestId('queue-row-lock');
  const banner = (pc: Desktop) => pc.page.getByTestId('lead-lock-banner');
  const pane = (pc: Desktop) => pc.page.getByTestId('lead-pane');

  it('agent 1 opens the lead; agent 2 sees the lock in the queue, agent 1 does not', async () => {
    await agent1.sitDown();
    await agent1.console.openLead(DANA);
    await lockIcon(agent2).waitFor({ timeout: WAIT_MS });
    expect(await lockIcon(agent2).getAttribute('aria-label')).toBe(
      `${AGENT1.name} is in this lead`,
    );
    // The holder's own row and pane show no lock, and the lead is theirs to write in.
    expect(await lockIcon(agent1).count()).toBe(0);
    expect(await banner(agent1).count()).toBe(0);
    expect(await pane(agent1).getAttribute('data-read-only')).toBe('false');
  });

  it('agent 2 opens it: "NAME is in this lead", read-only, and no Take over for an agent', async () => {
    await agent2.sitDown();
    await agent2.console.openLead(DANA);
    await banner(agent2).waitFor({ timeout: WAIT_MS });
    expect(await banner(agent2).textContent()).toContain(`${AGENT1.name} is in this lead`);
    expect(await pane(agent2).getAttribute('data-read-only')).toBe('true');
    // The lead's own actions (its status menu) cannot be used here.
    expect(
      await pane(agent2).getByTestId('lead-header').getByTestId('status-picker').isDisabled(),
    ).toBe(true);
    expect(await agent2.page.getByTestId('lead-take-over').count()).toBe(0);
    // The thread itself still reads.
    expect(await agent2.page.getByTestId('thread-item').count()).toBeGreaterThan(0);

    // Agent 1 sees who else is viewing.
    const viewers = agent1.page.getByTestId('lead-viewers');
    await viewers.waitFor({ timeout: WAIT_MS });
    expect(await viewers.textContent()).toContain(AGENT2.name);

    // The banner, the lock and the viewers line are accessible.
    const parts = ['.lead-lock-bar', '.lead-lock-guard', '[data-testid="queue-row-lock"]'];
    expect(await agent2.page.locator(parts.join(', ')).count()).toBe(3);
    expect(await seriousViolations(agent2.page, parts)).toEqual([]);
    expect(await seriousViolations(agent1.page, ['.lead-lock-bar'])).toEqual([]);
  });

  it('agent 1 types; agent 2 sees it live, and sees it stop', async () => {
    // What the composer says on each key (the ConsoleApi call it makes).
    expect(await agent1.host.core.call('typing', { leadId: DANA, typing: true })).toEqual({
      ok: true,
      value: null,
    });
    const typing = agent2.page.getByTestId('lead-typing');
    await typing.waitFor({ timeout: WAIT_MS });
    expect(await typing.textContent()).toBe(`${AGENT1.name} is typing…`);
    await agent1.host.core.call('typing', { leadId: DANA, typing: false });
    await typing.waitFor({ state: 'detached', timeout: WAIT_MS });
  });

  it('the manager takes over: the lock is theirs and agent 1 is told, now read-only', async () => {
    await manager.sitDown();
    await manager.console.openLead(DANA);
    await banner(manager).waitFor({ timeout: WAIT_MS });
    expect(await banner(manager).textContent()).toContain(`${AGENT1.name} is in this lead`);
    await manager.page.getByTestId('lead-take-over').click();
    await banner(manager).waitFor({ state: 'detached', timeout: WAIT_MS });
    expect(await pane(manager).getAttribute('data-read-only')).toBe('false');

    const notice = agent1.page.getByTestId('notice');
    await notice.filter({ hasText: 'took over' }).waitFor({ timeout: WAIT_MS });
    expect(await notice.filter({ hasText: 'took over' }).textContent()).toContain(
      `${MANAGER.name} took over a lead you were in`,
    );
    await banner(agent1).waitFor({ timeout: WAIT_MS });
    expect(await banner(agent1).textContent()).toContain(`${MANAGER.name} is in this lead`);
    expect(await pane(agent1).getAttribute('data-read-only')).toBe('true');

    // Agent 2 now reads the manager's name in the banner and on the queue's lock.
    await banner(agent2).filter({ hasText: MANAGER.name }).waitFor({ timeout: WAIT_MS });
    await agent2.page
      .locator(`[data-testid="queue-row"][data-lead-id="${DANA}"] [data-testid="queue-row-lock"]`)
      .and(agent2.page.locator(`[aria-label="${MANAGER.name} is in this lead"]`))
      .waitFor({ timeout: WAIT_MS });
  });

  it('the manager leaves the lead: the lock passes back to agent 1, still in it', async () => {
    await manager.sitDown();
    await manager.console.search('');
    const other = (await manager.console.visibleLeadIds()).find((id) => id !== DANA)!;
    await manager.console.openLead(other);
    await banner(agent1).waitFor({ state: 'detached', timeout: WAIT_MS });
    expect(await pane(agent1).getAttribute('data-read-only')).toBe('false');
    await banner(agent2).filter({ hasText: AGENT1.name }).waitFor({ timeout: WAIT_MS });
  });
});
