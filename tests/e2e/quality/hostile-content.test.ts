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
 * What is checked where is two lists: LEAD_SURFACES (run for every hostile lead: its queue row,
 * lead header, thread, status menu) and PAGE_SURFACES (once: filter panel, account menu...). A
 * new panel that shows lead or store text is one more entry.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsole, type ConsoleFixture } from '../support/console-fixture';
import type { ConsolePage } from '../support/console-page';
import { FOREIGN_ORIGIN, HOSTILE_PAYLOADS, PWNED_FLAG } from '../support/hostile-corpus';
import { writeHostileReplica, type HostileDemo, type HostileLead } from '../support/hostile-demo';

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
  check(page: Page, demo: HostileDemo): Promise<void>;
}

/** The text of one element exactly as the DOM holds it (no whitespace folding). */
const textOf = async (locator: Locator) => (await locator.textContent()) ?? '';

const LEAD_SURFACES: LeadSurface[] = [
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
        expect(await row.getByTestId('notes-icon').getAttribute('title')).toBe(lead.notesExcerpt);
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

describe('hostile content is shown as text and never acts', () => {
  let fx: ConsoleFixture;
  let demo: HostileDemo;
  const watch: Watch = { dialogs: [], requests: [], failed: new Map(), sockets: [] };

  beforeAll(async () => {
    fx = await startConsole({
      prepareDataDir: (dir) => {
        demo = writeHostileReplica(dir, Date.now());
      },
      beforeLoad: (page) => {
        page.on('dialog', (dialog) => {
          watch.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
          void dialog.dismiss();
        });
        page.on('request', (request) => watch.requests.push(request.url()));
        page.on('requestfailed', (request) =>
          watch.failed.set(request.url(), request.failure()?.errorText ?? 'failed'),
        );
        page.on('websocket', (socket) => watch.sockets.push(socket.url()));
        // Every CSP refusal is kept: one means something tried to load or run (init scripts
        // run through the DevTools protocol, which the CSP does not govern).
        void page.addInitScript(`
          window.__cspViolations = [];
          document.addEventListener('securitypolicyviolation', (e) => {
            window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI);
          });
        `);
      },
    });
  });

  afterAll(async () => {
    await fx?.close();
  });

  async function expectNothingActed(where: string): Promise<void> {
    expect(await fx.page.evaluate(`typeof window.${PWNED_FLAG}`), where).toBe('undefined');
    expect(watch.dialogs, where).toEqual([]);
    expect(await fx.page.evaluate(FIND_INJECTED), where).toEqual([]);
    expect(await fx.page.evaluate('window.__cspViolations'), where).toEqual([]);
    const foreign = watch.requests.filter(
      (url) =>
        !url.startsWith(`${fx.host.origin}/`) &&
        !url.startsWith('data:') &&
        !url.startsWith('blob:'),
    );
    expect(foreign, where).toEqual([]);
    const wsOrigin = fx.host.origin.replace(/^http/, 'ws');
    expect(
      watch.sockets.filter((url) => !url.startsWith(`${wsOrigin}/`)),
      where,
    ).toEqual([]);
  }

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
  });

  it('the console opened on the hostile data without anything acting', async () => {
    await fx.console.waitForQueue();
    await expectNothingActed('first load');
  });

  for (const surface of PAGE_SURFACES) {
    it(`${surface.name}: shown as text, nothing acts`, async () => {
      await surface.check(fx.page, demo);
      await expectNothingActed(surface.name);
    });
  }

  it('every hostile lead: each lead surface shows its payloads as text, nothing acts', async () => {
    for (const lead of demo.leads) {
      // Found by its id (a search key): the only row, whatever its name does to the search.
      await fx.console.search(lead.id);
      await fx.console.openLead(lead.id);
      for (const surface of LEAD_SURFACES) {
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
  }, 300_000);

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
