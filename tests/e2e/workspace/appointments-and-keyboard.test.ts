/**
 * The Appointments page and the keyboard, end to end in Chromium against the browser host with
 * the demo dealer group. What the page lists is checked against the demo generated again in the
 * test (support/demo-truth.ts) and read with the pure day rule of src-shared, not with SQL.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Appointment } from '../../../src-shared/domain/appointment';
import { DEMO_STORES } from '../../../src-shared/demo';
import { addDays, storeDayOf } from '../../../src-shared/domain/store-day';
import { instantOfWallTime } from '../../../src-shared/domain/zoned-time';

function storeInstant(date: string, time: string, timeZone: string): number {
  const at = instantOfWallTime({ date, time }, timeZone);
  if (!at.ok) throw new Error(at.reason);
  return at.instant;
}
import { BINDINGS } from '../../../src-renderer/keyboard/bindings';
import { startConsole, type ConsoleFixture } from '../support/console-fixture';

const WAIT_MS = 30_000;

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

describe('the Appointments page and the keyboard', () => {
  let fx: ConsoleFixture;

  beforeAll(async () => {
    fx = await startConsole();
  });

  afterAll(async () => {
    await fx?.close();
  });

  const zoneOf = (storeId: string) => {
    const store = DEMO_STORES.find((s) => s.row.id === storeId);
    if (!store) throw new Error(`no demo store ${storeId}`);
    return store.row.timeZone;
  };

  /** The appointments of a store's day, as the demo holds them: earliest first. */
  function expectedDay(storeId: string, day: string): Appointment[] {
    const zone = zoneOf(storeId);
    return fx.truth
      .allAppointments()
      .filter((a) => a.storeId === storeId && storeDayOf(a.startsAt, zone) === day)
      .sort((a, b) => a.startsAt - b.startsAt || a.id.localeCompare(b.id));
  }

  async function waitForDay(storeId: string, day: string): Promise<void> {
    await fx.page
      .locator(
        `[data-testid="appointments-page"][data-store-id="${storeId}"][data-day="${day}"][data-loading="false"]`,
      )
      .waitFor({ timeout: WAIT_MS });
  }

  async function shownDay(): Promise<string[][]> {
    return fx.console.attributesOfEach(fx.page.getByTestId('appointments-row'), [
      'data-appointment-id',
      'data-status',
    ]);
  }

  /** The test id of the focused element (evaluated as text: this file has no DOM types). */
  function focusedTestId(): Promise<string | null> {
    return fx.page.evaluate<string | null>(
      "document.activeElement && document.activeElement.getAttribute('data-testid')",
    );
  }

  /**
   * axe-core run over one part of the page (the part this file is about; the header and the
   * other panes have their own checks): its serious and critical violations, with where.
   */
  function seriousViolations(selector: string): Promise<string[]> {
    return fx.page.evaluate<string[]>(`(async () => {
      ${AXE_SOURCE}
      const result = await window.axe.run({ include: [${JSON.stringify(selector)}] }, { resultTypes: ['violations'] });
      return result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(' | '));
    })()`);
  }

  async function waitForOpenLead(leadId: string): Promise<void> {
    await fx.page
      .locator(`[data-testid="lead-pane"][data-lead-id="${leadId}"]`)
      .waitFor({ timeout: WAIT_MS });
    await fx.page
      .locator(`[data-testid="thread"][data-lead-id="${leadId}"][data-loading="false"]`)
      .waitFor({ timeout: WAIT_MS });
  }

  it("lists a store's day and marks an appointment Showed, which moves its lead between folders", async () => {
    // A booked appointment whose lead has shown up to none yet: Showed adds it to that folder.
    const all = fx.truth.allAppointments();
    const candidate = all.find((a) => {
      const lead = fx.truth.leads.get(a.leadId);
      return a.status === 'booked' && lead && fx.truth.folderFacts(lead).showedAppointments === 0;
    });
    expect(candidate, 'the demo has a booked appointment').toBeDefined();
    const target = candidate!;
    const facts = fx.truth.folderFacts(fx.truth.leads.get(target.leadId)!);
    const day = storeDayOf(target.startsAt, zoneOf(target.storeId));
    const before = fx.truth.counts();

    await fx.page.getByTestId('tab-appointments').click();
    await fx.page.getByTestId('appointments-page').waitFor();
    await fx.page.getByTestId('appointments-store').selectOption(target.storeId);
    await fx.page.getByTestId('appointments-day').fill(day);
    await waitForDay(target.storeId, day);
    const expected = expectedDay(target.storeId, day);
    expect(await shownDay()).toEqual(expected.map((a) => [a.id, a.status]));

    // The next day and back again, with the buttons.
    await fx.page.getByTestId('appointments-next-day').click();
    await waitForDay(target.storeId, addDays(day, 1));
    expect((await shownDay()).map(([id]) => id)).toEqual(
      expectedDay(target.storeId, addDays(day, 1)).map((a) => a.id),
    );
    await fx.page.getByTestId('appointments-prev-day').click();
    await waitForDay(target.storeId, day);

    const row = fx.page.locator(
      `[data-testid="appointments-row"][data-appointment-id="${target.id}"]`,
    );
    await row.getByTestId('appointments-showed').click();
    await fx.page
      .locator(
        `[data-testid="appointments-row"][data-appointment-id="${target.id}"][data-status="showed"]`,
      )
      .waitFor({ timeout: WAIT_MS });
    // With a reschedule form open too, every control of the page is checked.
    const booked = fx.page.locator('[data-testid="appointments-row"][data-status="booked"]');
    if (await booked.count()) await booked.first().getByTestId('appointments-reschedule').click();
    expect(await seriousViolations('[data-testid="appointments-page"]')).toEqual([]);

    await fx.page.getByTestId('tab-conversations').click();
    await fx.console.waitForFolderCount('appointments_showed', before.appointments_showed + 1);
    // Its only booked appointment happened: the lead leaves Appointments.
    const stillBooked = facts.bookedAppointments > 1;
    await fx.console.waitForFolderCount(
      'appointments',
      before.appointments - (stillBooked ? 0 : 1),
    );
  });

  it("reschedules a booked appointment in the store's time zone, and refuses a time past", async () => {
    const target = fx.truth
      .allAppointments()
      .filter((a) => a.status === 'booked')
      .at(-1)!;
    const zone = zoneOf(target.storeId);
    const day = storeDayOf(target.startsAt, zone);
    await fx.page.getByTestId('tab-appointments').click();
    await fx.page.getByTestId('appointments-store').selectOption(target.storeId);
    await fx.page.getByTestId('appointments-day').fill(day);
    await waitForDay(target.storeId, day);
    const row = fx.page.locator(
      `[data-testid="appointments-row"][data-appointment-id="${target.id}"]`,
    );

    await row.getByTestId('appointments-reschedule').click();
    await row
      .getByTestId('appointments-reschedule-day')
      .fill(addDays(storeDayOf(Date.now(), zone), -1));
    await row.getByTestId('appointments-reschedule-save').click();
    await expect(row.getByTestId('appointments-reschedule-error').textContent()).resolves.toMatch(
      /passed/,
    );
    expect(await row.getAttribute('data-starts-at')).toBe(String(target.startsAt));

    // A later time the same day: 16:45 there, whatever the zone of this machine.
    const time =
      storeDayOf(target.startsAt, zone) === day &&
      target.startsAt === storeInstant(day, '16:45', zone)
        ? '17:15'
        : '16:45';
    await row.getByTestId('appointments-reschedule-day').fill(day);
    await row.getByTestId('appointments-reschedule-time').fill(time);
    await row.getByTestId('appointments-reschedule-save').click();
    await fx.page
      .locator(
        `[data-testid="appointments-row"][data-appointment-id="${target.id}"][data-starts-at="${storeInstant(day, time, zone)}"]`,
      )
      .waitFor({ timeout: WAIT_MS });
    await row.getByTestId('appointments-reschedule-form').waitFor({ state: 'detached' });
  });

  it("opens an appointment's lead in the conversations from its name", async () => {
    const target = fx.truth.allAppointments().find((a) => a.status === 'booked')!;
    const day = storeDayOf(target.startsAt, zoneOf(target.storeId));
    await fx.page.getByTestId('tab-appointments').click();
    await fx.page.getByTestId('appointments-store').selectOption(target.storeId);
    await fx.page.getByTestId('appointments-day').fill(day);
    await waitForDay(target.storeId, day);
    await fx.page
      .locator(`[data-testid="appointments-row"][data-appointment-id="${target.id}"]`)
      .getByTestId('appointments-lead')
      .click();
    await waitForOpenLead(target.leadId);
    await expect(
      fx.page.getByTestId('tab-conversations').getAttribute('aria-current'),
    ).resolves.toBe('page');
  });

  it('opens the next and previous conversation from the keyboard', async () => {
    await fx.console.openFolder('hot');
    const ids = await fx.console.visibleLeadIds();
    expect(ids.length).toBeGreaterThan(3);
    await fx.console.openLead(ids[0]!);

    await fx.page.keyboard.press('j');
    await waitForOpenLead(ids[1]!);
    // Focus was on the first row: it moves along to the row that opened.
    await fx.page.waitForFunction(
      `document.activeElement && document.activeElement.closest('[data-testid="queue-row"]')?.getAttribute('data-lead-id') === ${JSON.stringify(ids[1])}`,
      undefined,
      { timeout: WAIT_MS },
    );
    await fx.page.keyboard.press('j');
    await waitForOpenLead(ids[2]!);
    await fx.page.keyboard.press('k');
    await waitForOpenLead(ids[1]!);
    await fx.page.keyboard.press('Alt+ArrowDown');
    await waitForOpenLead(ids[2]!);
    await fx.page.keyboard.press('Alt+ArrowUp');
    await waitForOpenLead(ids[1]!);
    await fx.page
      .locator(`[data-testid="queue-row"][data-lead-id="${ids[1]}"][data-selected="true"]`)
      .waitFor({ timeout: WAIT_MS });
  });

  it('focuses the search with /, and Escape leaves it so the letters work again', async () => {
    await fx.page.keyboard.press('/');
    expect(await focusedTestId()).toBe('search-input');
    // The slash opened the search; it was not typed into it.
    await expect(fx.page.getByTestId('search-input').inputValue()).resolves.toBe('');
    await fx.page.keyboard.press('j'); // typed, not a shortcut
    await expect(fx.page.getByTestId('search-input').inputValue()).resolves.toBe('j');
    await fx.page.keyboard.press('Backspace');
    await fx.page.keyboard.press('Escape');
    expect(await focusedTestId()).not.toBe('search-input');
  });

  it('lists the shortcuts with ?, closes the list with Escape and gives focus back', async () => {
    const firstId = (await fx.console.visibleLeadIds())[0]!;
    await fx.console.openLead(firstId);
    // Focus on the row's own button, where the click left it.
    await fx.console.queueRow(firstId).locator('.queue-row-open').focus();
    await fx.page.keyboard.press('?');
    const dialog = fx.page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor({ timeout: WAIT_MS });
    expect(await fx.page.getByTestId('shortcuts-dialog').isVisible()).toBe(true);
    expect(await dialog.getByTestId('shortcuts-row').count()).toBe(BINDINGS.length);
    expect(await focusedTestId()).toBe('shortcuts-close');
    expect(await seriousViolations('[data-testid="shortcuts-dialog"]')).toEqual([]);
    // While it is open the other shortcuts rest.
    await fx.page.keyboard.press('j');
    expect(await fx.page.locator('[data-testid="lead-pane"]').getAttribute('data-lead-id')).toBe(
      firstId,
    );
    await fx.page.keyboard.press('Escape');
    await fx.page.getByTestId('shortcuts-dialog').waitFor({ state: 'detached', timeout: WAIT_MS });
    const focusedLabel = await fx.page.evaluate<string | null>(
      "document.activeElement && document.activeElement.getAttribute('aria-label')",
    );
    expect(focusedLabel).toMatch(/^Open /);
    expect(await fx.console.queueRow(firstId).getByTestId('queue-row-name').textContent()).toBe(
      focusedLabel?.slice('Open '.length),
    );
  });

  it('marks the open lead responded with r: it leaves Awaiting Response', async () => {
    await fx.console.openFolder('awaiting');
    const before = Number(await fx.console.folderCount('awaiting').getAttribute('data-count'));
    const inQueue = new Set(await fx.console.visibleLeadIds());
    const openBefore = await fx.page.getByTestId('lead-pane').getAttribute('data-lead-id');
    await fx.page.keyboard.press('j');
    // The next awaiting lead after the open one, or the first when the open one is not here.
    const opened = fx.page.locator(
      `[data-testid="lead-pane"][data-lead-id]:not([data-lead-id="${openBefore}"])`,
    );
    await opened.waitFor({ timeout: WAIT_MS });
    const leadId = (await opened.getAttribute('data-lead-id'))!;
    expect(inQueue.has(leadId)).toBe(true);
    await waitForOpenLead(leadId);
    await fx.page.keyboard.press('r');
    await fx.console.waitForFolderCount('awaiting', before - 1);
    await fx.console.queueRow(leadId).waitFor({ state: 'detached', timeout: WAIT_MS });
  });

  it('opens the status menu of the open lead with s', async () => {
    await fx.page.keyboard.press('s');
    const menu = fx.page.getByTestId('status-menu');
    await menu.waitFor({ timeout: WAIT_MS });
    await fx.page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached', timeout: WAIT_MS });
  });

  it("changes a row's status from its bubble", async () => {
    await fx.console.openFolder('inbox');
    const rows = await fx.console.attributesOfEach(fx.page.getByTestId('queue-row'), [
      'data-lead-id',
      'data-status',
    ]);
    const [leadId] = rows.find(([, status]) => status !== 'hot' && status !== 'dead') ?? [];
    expect(leadId).toBeDefined();
    const hotBefore = Number(await fx.console.folderCount('hot').getAttribute('data-count'));
    await fx.console.queueRow(leadId!).getByTestId('status-picker').click();
    await fx.page.locator('[data-testid="status-option"][data-status="hot"]').click();
    await fx.page
      .locator(`[data-testid="queue-row"][data-lead-id="${leadId}"][data-status="hot"]`)
      .waitFor({ timeout: WAIT_MS });
    await fx.console.waitForFolderCount('hot', hotBefore + 1);
  });

  it("shows a row's latest note on hover and on focus", async () => {
    // Which leads are newest depends on the hour the demo is made: find one with a note.
    const noted = [...fx.truth.leads.values()].find((lead) => lead.notesExcerpt !== null);
    expect(noted).toBeDefined();
    const excerpt = noted!.notesExcerpt;
    await fx.console.search(noted!.id);
    const icon = fx.console.queueRow(noted!.id).getByTestId('notes-icon');
    await icon.waitFor({ timeout: WAIT_MS });
    await icon.hover();
    await expect(fx.page.getByTestId('notes-excerpt').textContent()).resolves.toBe(excerpt);
    await fx.page.mouse.move(0, 0);
    await fx.page.getByTestId('notes-excerpt').waitFor({ state: 'detached' });
    await icon.focus();
    await expect(fx.page.getByRole('tooltip').textContent()).resolves.toBe(excerpt);
    expect(await seriousViolations('[data-testid="queue"]')).toEqual([]);
    expect(await seriousViolations('[data-testid="sidebar"]')).toEqual([]);
    await fx.page.keyboard.press('Escape');
    await fx.page.getByTestId('notes-excerpt').waitFor({ state: 'detached' });
    await fx.console.search('');
  });

  it('narrows the stores filter by a search, however few stores there are', async () => {
    const section = fx.page.getByTestId('filter-storeIds');
    if ((await section.getAttribute('open')) === null) await section.locator('summary').click();
    const options = section.getByTestId('filter-option-storeIds');
    expect(await options.count()).toBe(DEMO_STORES.length);
    await section.getByTestId('filter-search-storeIds').fill('honda');
    const wanted = DEMO_STORES.filter((s) => s.row.name.toLowerCase().includes('honda'));
    expect(wanted.length).toBeGreaterThan(0);
    expect(await fx.console.attributeOfEach(options, 'data-value')).toEqual(
      wanted.map((s) => s.row.id),
    );
    expect(await seriousViolations('[data-testid="sidebar"]')).toEqual([]);
    await section.getByTestId('filter-search-storeIds').fill('');
    await section.locator('summary').click();
  });
});
