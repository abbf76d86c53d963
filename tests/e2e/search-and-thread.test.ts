/**
 * Finding a lead and reading it, end to end in Chromium against the browser host with the demo
 * (2,000 leads): search by name, by a phone typed any way, by a word from a message, by email,
 * by lead id, narrowed by the filters; then the lead's thread, oldest first, checked against
 * the demo generated again in the test.
 *
 * Needs no `npm run build` (support/build-renderer.ts builds the renderer when stale). Set
 * SHOWROOM_E2E_SCREENSHOT=/tmp/showroom-console.png to keep a picture of the opened lead.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FIXTURE_LEAD } from '../../src-shared/demo';
import { leadDisplayName } from '../../src-shared/domain/lead';
import { phoneSearchDigits } from '../../src-shared/phone/phone';
import { startConsole, type ConsoleFixture } from './support/console-fixture';

describe('searching for a lead and reading its conversation', () => {
  let fx: ConsoleFixture;

  beforeAll(async () => {
    fx = await startConsole();
  });

  afterAll(async () => {
    await fx?.close();
  });

  /** What a correct search may return: leads whose name, email, phone or messages say it. */
  function couldMatch(leadId: string, test: (text: string) => boolean): boolean {
    const lead = fx.truth.leads.get(leadId);
    if (!lead) return false;
    const texts = [
      leadDisplayName(lead),
      lead.email ?? '',
      lead.id,
      ...lead.phones.map((p) => p.number),
      ...fx.truth.messagesOf(leadId).map((m) => m.body),
    ];
    return texts.some(test);
  }

  it('finds a lead by name', async () => {
    await fx.console.search(DEMO_FIXTURE_LEAD.name);
    const found = await fx.console.collectQueueLeadIds();
    expect(found).toContain(DEMO_FIXTURE_LEAD.id);
    for (const id of found) {
      expect(
        couldMatch(id, (t) => /whitfield/i.test(t)),
        `${id} says Whitfield`,
      ).toBe(true);
    }
  });

  it('finds a lead by a phone number typed as (970) 123-4567', async () => {
    await fx.console.search(DEMO_FIXTURE_LEAD.typedPhone);
    const found = await fx.console.collectQueueLeadIds();
    expect(found).toContain(DEMO_FIXTURE_LEAD.id);
    const digits = phoneSearchDigits(DEMO_FIXTURE_LEAD.typedPhone) ?? '';
    for (const id of found) {
      const phones = fx.truth.leads.get(id)?.phones.map((p) => p.number) ?? [];
      expect(
        phones.some((p) => p.endsWith(digits)),
        `${id} has ${digits}`,
      ).toBe(true);
    }
  });

  it('finds a lead by a word from one of its messages', async () => {
    await fx.console.search(DEMO_FIXTURE_LEAD.word.toLowerCase());
    const found = await fx.console.collectQueueLeadIds();
    // The demo promises only her thread says the word.
    expect(found).toEqual([DEMO_FIXTURE_LEAD.id]);
  });

  it('finds a lead by email, in any case', async () => {
    await fx.console.search(DEMO_FIXTURE_LEAD.email.toUpperCase());
    const found = await fx.console.collectQueueLeadIds();
    expect(found).toContain(DEMO_FIXTURE_LEAD.id);
    for (const id of found) {
      expect(
        couldMatch(id, (t) => t.toLowerCase().includes(DEMO_FIXTURE_LEAD.email)),
        `${id} says ${DEMO_FIXTURE_LEAD.email}`,
      ).toBe(true);
    }
  });

  it('finds a lead by its id, and by its phone typed the international way', async () => {
    await fx.console.search(DEMO_FIXTURE_LEAD.id);
    expect(await fx.console.collectQueueLeadIds()).toEqual([DEMO_FIXTURE_LEAD.id]);
    await fx.console.search('+1 970-123-4567');
    expect(await fx.console.collectQueueLeadIds()).toContain(DEMO_FIXTURE_LEAD.id);
  });

  it('searches every store, narrowed by the active filters', async () => {
    // Filtered to another store, her name finds nothing of hers; without the filter it does.
    const otherStore = [...fx.truth.leads.values()].find(
      (lead) => lead.storeId !== DEMO_FIXTURE_LEAD.storeId,
    )!.storeId;
    await fx.console.toggleFilter('storeIds', otherStore);
    await fx.console.search(DEMO_FIXTURE_LEAD.name);
    const narrowed = await fx.console.collectQueueLeadIds();
    expect(narrowed).not.toContain(DEMO_FIXTURE_LEAD.id);
    for (const id of narrowed) expect(fx.truth.leads.get(id)?.storeId).toBe(otherStore);
    await fx.console.toggleFilter('storeIds', otherStore);
    await fx.console.search(DEMO_FIXTURE_LEAD.name);
    expect(await fx.console.collectQueueLeadIds()).toContain(DEMO_FIXTURE_LEAD.id);
  });

  it('a search that matches nothing says so', async () => {
    await fx.console.search('zzqxj-no-such-lead');
    await fx.page.getByTestId('queue-empty').waitFor();
    expect(await fx.console.visibleLeadIds()).toEqual([]);
  });

  it('opening a lead shows its header and its whole thread, oldest first, at the newest', async () => {
    await fx.console.search(DEMO_FIXTURE_LEAD.name);
    await fx.console.openLead(DEMO_FIXTURE_LEAD.id);

    const header = fx.page.getByTestId('lead-header');
    await expect(header.getByTestId('lead-name').textContent()).resolves.toBe(
      DEMO_FIXTURE_LEAD.name,
    );
    const optedOut = fx.truth.leads.get(DEMO_FIXTURE_LEAD.id)?.optedOut;
    expect(await header.getByTestId('lead-opt').getAttribute('data-can-message')).toBe(
      String(!optedOut),
    );
    expect(await header.getByTestId('status-bubble').getAttribute('data-status')).toBe(
      DEMO_FIXTURE_LEAD.status,
    );

    // Opened at the newest: the last item is on screen before any scrolling.
    const items = fx.page.getByTestId('thread-item');
    await items.last().waitFor();
    expect(await items.last().isVisible()).toBe(true);

    const shown = await fx.console.readWholeThread();
    const expected = fx.truth.thread(DEMO_FIXTURE_LEAD.id);
    expect(shown.length).toBeGreaterThan(0);
    const times = shown.map((item) => item.at);
    expect(times, 'oldest at the top').toEqual([...times].sort((a, b) => a - b));
    expect(shown.map((item) => item.id).sort()).toEqual(expected.map((item) => item.id).sort());
    expect(times).toEqual(expected.map((item) => item.at));
    expect(await fx.page.getByText(DEMO_FIXTURE_LEAD.word).count()).toBeGreaterThan(0);

    // Back to the whole inbox, the lead still open: the picture of the console for a reviewer.
    await fx.console.search('');
    const screenshot = process.env.SHOWROOM_E2E_SCREENSHOT;
    if (screenshot) await fx.page.screenshot({ path: screenshot });
  });
});
