/**
 * Accessibility of every screen (issue 4: "axe-core through Playwright on every screen: 0
 * serious or critical violations"). axe-core runs in Chromium on the whole document with each
 * screen open, with the WCAG 2.0-2.2 A/AA rules and axe's best practices; a failure prints
 * every violation (rule id, impact, elements) so the fix can start from the message.
 *
 * Screens are entries in three lists, by what they need around them:
 * - LOCAL_SCREENS: the browser host with the local demo (no cloud), signed in as an agent;
 * - DAMAGED_SCREENS: the same host on a damaged local cache;
 * - SYNCED_SCREENS: one cloud with the demo, an agent's PC and a manager's PC (the sign-in
 *   screen, the Agents panel, ringing leads).
 * A new screen or panel is one more entry: its `open` takes the page from the console's home
 * (conversations, nothing open) to the screen, and waits until the screen is drawn.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_FIXTURE_LEAD,
  DEMO_PASSWORD,
  DEMO_STORES,
  DEMO_USERS,
} from '../../../src-shared/demo';
import type { Folder } from '../../../src-shared/folders/folders';
import { Api } from '../../integration/cloud/harness/api';
import { describeFindings, seriousViolations } from '../support/axe';
import { startConsole, type ConsoleFixture } from '../support/console-fixture';
import type { ConsolePage } from '../support/console-page';
import { startSyncedDesktops, type Desktop, type SyncedDesktops } from '../support/synced-desktops';

const WAIT_MS = 60_000;

interface ScreenCheck<Ctx> {
  name: string;
  /** From the console's home to this screen, drawn. */
  open(ctx: Ctx): Promise<void>;
}

/** Back to the conversations with no menu or popover open. */
async function home(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  const tab = page.getByTestId('tab-conversations');
  if (await tab.count()) await tab.click();
  await page.getByTestId('status-menu').waitFor({ state: 'detached' });
  const inbox = page.getByTestId('folder-inbox');
  if (await inbox.count()) await inbox.click();
}

async function openFixtureLead(console: ConsolePage): Promise<void> {
  await console.search(DEMO_FIXTURE_LEAD.name);
  await console.openLead(DEMO_FIXTURE_LEAD.id);
}

async function openFirstLeadOf(page: Page, console: ConsolePage, folder: Folder): Promise<void> {
  await console.openFolder(folder);
  const id = await page.getByTestId('queue-row').first().getAttribute('data-lead-id');
  if (!id) throw new Error(`the ${folder} folder shows no lead`);
  await console.openLead(id);
}

const LOCAL_SCREENS: ScreenCheck<ConsoleFixture>[] = [
  {
    name: 'conversations, the queue',
    open: async ({ console }) => console.waitForQueue(),
  },
  {
    name: 'conversations with a lead open',
    open: async ({ console }) => openFixtureLead(console),
  },
  {
    name: 'a lead with appointments (Appointments Showed)',
    open: async ({ page, console }) => openFirstLeadOf(page, console, 'appointments_showed'),
  },
  {
    name: 'a Dead lead',
    open: async ({ page, console }) => openFirstLeadOf(page, console, 'dead'),
  },
  {
    name: 'the lead status menu open (lead header)',
    open: async ({ page, console }) => {
      await openFixtureLead(console);
      await page.getByTestId('lead-header').getByTestId('status-picker').click();
      await page.getByTestId('status-menu').waitFor();
    },
  },
  {
    name: 'the lead status menu open (queue row)',
    open: async ({ page }) => {
      await page.getByTestId('queue-row').first().getByTestId('status-picker').click();
      await page.getByTestId('status-menu').waitFor();
    },
  },
  {
    name: 'the presence menu open',
    open: async ({ page }) => {
      await page.getByTestId('presence-status').click();
      await page.getByTestId('presence-choose-away').waitFor();
    },
  },
  {
    name: 'the account menu open',
    open: async ({ page }) => {
      await page.getByTestId('user-menu').click();
      await page.getByTestId('user-menu-items').waitFor();
    },
  },
  {
    name: 'the filter panel open',
    open: async ({ page }) => {
      for (const kind of ['storeIds', 'campaignIds', 'labelIds', 'assigneeIds', 'sources']) {
        const section = page.getByTestId(`filter-${kind}`);
        if ((await section.getAttribute('open')) === null) await section.locator('summary').click();
      }
      await page.locator('[data-testid="filter-option-storeIds"]').first().waitFor();
    },
  },
  {
    name: 'Settings',
    open: async ({ page }) => {
      await page.getByTestId('user-menu').click();
      await page.getByTestId('open-settings').click();
      await page.getByTestId('settings-screen').waitFor();
    },
  },
];

const DAMAGED_SCREENS: ScreenCheck<ConsoleFixture>[] = [
  {
    name: 'the replica-health banner (damaged local cache)',
    open: async ({ page }) => page.getByTestId('replica-banner').waitFor(),
  },
];

interface SyncedContext {
  pcs: SyncedDesktops;
  agent: Desktop;
  manager: Desktop;
  /** The manager's view of the cloud (to send a lead in). */
  managerApi: Api;
}

const DENVER = DEMO_STORES[0]!.row;
const AGENT = DEMO_USERS.find((u) => u.email === 'agent1@demo.test')!;
const MANAGER = DEMO_USERS.find((u) => u.role === 'manager')!;

/** A new inbound text to Denver: it rings at the agent's desk; returns the offer's id. */
async function ringNewLead({ managerApi, agent }: SyncedContext): Promise<string> {
  const sent = await managerApi.post('/v1/inbound', {
    storeId: DENVER.id,
    channel: 'sms',
    from: { phone: `+1970555${String(Date.now() % 10_000).padStart(4, '0')}`, firstName: 'Quinn' },
    body: 'Is the grey RAV4 still on the lot?',
  });
  if (sent.status !== 200) throw new Error(`inbound failed: ${JSON.stringify(sent.body)}`);
  const offerId = sent.body.offerId as string;
  await agent.page
    .locator(`[data-testid="offer-alert"][data-offer-id="${offerId}"]`)
    .waitFor({ timeout: WAIT_MS });
  return offerId;
}

interface SyncedScreenCheck {
  name: string;
  /** Whether both PCs are signed in first (the sign-in screens need them signed out). */
  signedIn: boolean;
  /** Opens the screen and returns the page it is on. */
  open(ctx: SyncedContext): Promise<Page>;
}

const SYNCED_SCREENS: SyncedScreenCheck[] = [
  {
    name: 'sign-in (first run)',
    signedIn: false,
    open: async ({ agent }) => {
      await agent.signIn.waitUntilShown();
      return agent.page;
    },
  },
  {
    name: 'sign-in with an error shown',
    signedIn: false,
    open: async ({ agent }) => {
      await agent.signIn.submit({
        cloudUrl: 'http://127.0.0.1:9',
        email: 'nobody@demo.test',
        password: 'wrong',
      });
      await agent.signIn.errorText();
      return agent.page;
    },
  },
  {
    name: 'the Agents panel (a manager)',
    signedIn: true,
    open: async ({ manager }) => {
      await manager.sitDown();
      await manager.page.getByTestId('tab-agents').click();
      await manager.page.getByTestId('agent-row').first().waitFor({ timeout: WAIT_MS });
      return manager.page;
    },
  },
  {
    name: 'a lead ringing in the console',
    signedIn: true,
    open: async (ctx) => {
      await ctx.agent.sitDown();
      await ringNewLead(ctx);
      return ctx.agent.page;
    },
  },
  {
    name: 'the lead alert window (#alert/<offerId>)',
    signedIn: true,
    open: async (ctx) => {
      const offerId = await ringNewLead(ctx);
      const page = await ctx.pcs.browser.context.newPage();
      await page.goto(`${ctx.agent.host.origin}/#alert/${encodeURIComponent(offerId)}`);
      await page
        .locator(`[data-testid="offer-alert"][data-offer-id="${offerId}"]`)
        .waitFor({ timeout: WAIT_MS });
      return page;
    },
  },
];

/** Checks one screen; on a violation, the assertion message lists them all. */
async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const findings = await seriousViolations(page);
  const report = describeFindings(screen, findings);
  if (findings.length) console.log(report);
  expect(findings, report).toEqual([]);
}

describe('accessibility: the console on the local demo', () => {
  let fx: ConsoleFixture;

  beforeAll(async () => {
    fx = await startConsole();
  });

  afterAll(async () => {
    await fx?.close();
  });

  for (const screen of LOCAL_SCREENS) {
    it(`${screen.name}: no serious or critical axe violations`, async () => {
      await home(fx.page);
      await fx.console.search('');
      await screen.open(fx);
      await expectNoSeriousViolations(fx.page, screen.name);
    });
  }
});

describe('accessibility: a damaged local cache', () => {
  let fx: ConsoleFixture;

  beforeAll(async () => {
    fx = await startConsole({
      prepareDataDir: (dir) =>
        writeFileSync(join(dir, 'replica.db'), 'not a database\n'.repeat(400)),
      waitUntilOpen: false,
    });
  });

  afterAll(async () => {
    await fx?.close();
  });

  for (const screen of DAMAGED_SCREENS) {
    it(`${screen.name}: no serious or critical axe violations`, async () => {
      await screen.open(fx);
      await expectNoSeriousViolations(fx.page, screen.name);
    });
  }
});

describe('accessibility: signing in, managing, ringing (a cloud and two PCs)', () => {
  let ctx: SyncedContext;
  let signedIn = false;

  beforeAll(async () => {
    const pcs = await startSyncedDesktops(2);
    const [agent, manager] = pcs.desktops as [Desktop, Desktop];
    const managerApi = await new Api(pcs.cloud.url).login(MANAGER.email, DEMO_PASSWORD);
    ctx = { pcs, agent, manager, managerApi };
  }, 240_000);

  afterAll(async () => {
    await ctx?.pcs.close();
  });

  /** The screens after the sign-in ones need both PCs signed in (once). */
  async function signInBoth(): Promise<void> {
    if (signedIn) return;
    for (const [pc, who] of [
      [ctx.agent, AGENT],
      [ctx.manager, MANAGER],
    ] as const) {
      await pc.sitDown();
      await pc.signIn.signIn({
        cloudUrl: ctx.pcs.cloud.url,
        email: who.email,
        password: DEMO_PASSWORD,
      });
      await pc.console.waitUntilOpen();
      await pc.page.getByTestId('presence-status').waitFor({ timeout: WAIT_MS });
    }
    signedIn = true;
  }

  for (const screen of SYNCED_SCREENS) {
    it(`${screen.name}: no serious or critical axe violations`, async () => {
      if (screen.signedIn) await signInBoth();
      else if (signedIn) throw new Error(`${screen.name}: list it before the signed-in screens`);
      else await ctx.agent.sitDown();
      await expectNoSeriousViolations(await screen.open(ctx), screen.name);
    });
  }
});
