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
import { storeDayOf } from '../../../src-shared/domain/store-day';
import type { Folder } from '../../../src-shared/folders/folders';
import { Api } from '../../integration/cloud/harness/api';
import { describeFindings, seriousViolations } from '../support/axe';
import { startConsole, type ConsoleFixture } from '../support/console-fixture';
import type { ConsolePage } from '../support/console-page';
import type { DemoTruth } from '../support/demo-truth';
import { startSyncedDesktops, type Desktop, type SyncedDesktops } from '../support/synced-desktops';

const WAIT_MS = 60_000;

interface ScreenCheck<Ctx> {
  name: string;
  /** From the console's home to this screen, drawn. */
  open(ctx: Ctx): Promise<void>;
  /**
   * Undoes what `open` left that home() does not (a form open in the details pane, a draft):
   * the details pane keeps its forms while the same lead stays open.
   */
  close?(ctx: Ctx): Promise<void>;
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
  await console.page
    .locator(`[data-testid="lead-details"][data-lead-id="${DEMO_FIXTURE_LEAD.id}"]`)
    .waitFor();
}

/** The fixture lead open, its composer ready to write in. */
async function openFixtureComposer(page: Page, console: ConsolePage): Promise<void> {
  await openFixtureLead(console);
  await page.locator('[data-testid="composer"][data-disabled="false"]').waitFor();
}

/** Leaves the details pane as it was: a form (Cancel) or an inline edit (Escape) closed. */
async function cancelDetailsForms(page: Page): Promise<void> {
  const details = page.getByTestId('lead-details');
  for (;;) {
    // Only a form's own Cancel: an appointment row's Cancel would cancel the appointment.
    const cancel = details.locator('form').getByRole('button', { name: 'Cancel', exact: true });
    if (!(await cancel.count())) break;
    await cancel.first().click();
  }
  await details.getByTestId('details-field-error').waitFor({ state: 'detached' });
}

/** A store and a day of the demo with appointments on it, a booked one among them. */
function dayWithAppointments(truth: DemoTruth): { storeId: string; day: string } {
  const booked = truth.allAppointments().find((a) => a.status === 'booked');
  if (!booked) throw new Error('the demo has no booked appointment');
  const store = DEMO_STORES.find((s) => s.row.id === booked.storeId)!.row;
  return { storeId: store.id, day: storeDayOf(booked.startsAt, store.timeZone) };
}

async function openAppointmentsDay(page: Page, truth: DemoTruth): Promise<void> {
  const { storeId, day } = dayWithAppointments(truth);
  await page.getByTestId('tab-appointments').click();
  await page.getByTestId('appointments-page').waitFor();
  await page.getByTestId('appointments-store').selectOption(storeId);
  await page.getByTestId('appointments-day').fill(day);
  await page
    .locator(
      `[data-testid="appointments-page"][data-store-id="${storeId}"][data-day="${day}"][data-loading="false"]`,
    )
    .waitFor();
  await page.getByTestId('appointments-row').first().waitFor();
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
    name: 'a Dead lead (its composer disabled, with the reason)',
    open: async ({ page, console }) => {
      await openFirstLeadOf(page, console, 'dead');
      await page.getByTestId('composer-disabled-reason').waitFor();
    },
  },
  {
    name: 'the details pane: the appointment form open',
    open: async ({ page, console }) => {
      await openFixtureLead(console);
      await page.getByTestId('appointment-set').click();
      await page.getByTestId('appointment-form').waitFor();
    },
    close: async ({ page }) => cancelDetailsForms(page),
  },
  {
    name: 'the details pane: the opt-out form open',
    open: async ({ page, console }) => {
      await openFixtureLead(console);
      await page.getByTestId('details-opt-out').click();
      await page.getByTestId('details-opt-reason').waitFor();
    },
    close: async ({ page }) => cancelDetailsForms(page),
  },
  {
    name: 'the details pane: the Send to CRM and Escalate forms open',
    open: async ({ page, console }) => {
      await openFixtureLead(console);
      await page.getByTestId('details-send-to-crm').click();
      await page.getByTestId('crm-form').waitFor();
      await page.getByTestId('details-escalate').click();
      await page.getByTestId('escalate-form').waitFor();
    },
    close: async ({ page }) => cancelDetailsForms(page),
  },
  {
    name: 'the details pane: the vehicle, trade-in and financial editors open',
    open: async ({ page, console }) => {
      await openFixtureLead(console);
      for (const part of ['details-vehicle', 'details-trade-in', 'details-financial']) {
        await page.getByTestId(`${part}-edit`).click();
      }
      await page.getByTestId('details-financial-rating').waitFor();
      await page.getByTestId('details-trade-in-year').waitFor();
      await page.getByTestId('details-vehicle-year').waitFor();
    },
    close: async ({ page }) => cancelDetailsForms(page),
  },
  {
    name: 'the details pane: an inline field error shown (a bad phone)',
    open: async ({ page, console }) => {
      await openFixtureLead(console);
      await page.getByTestId('details-phone-add').click();
      await page.getByTestId('details-phone-input').fill('12345');
      await page.getByTestId('details-phone-input').press('Enter');
      await page.getByTestId('details-field-error').waitFor();
    },
    close: async ({ page }) => cancelDetailsForms(page),
  },
  {
    name: 'the composer: a smart-field preview',
    open: async ({ page, console }) => {
      await openFixtureComposer(page, console);
      await page
        .getByTestId('composer-input')
        .fill('Hi {lead.firstName}, this is {agent.firstName} at {store.name}');
      await page.getByTestId('composer-preview-text').waitFor();
    },
    close: async ({ page }) => page.getByTestId('composer-input').fill(''),
  },
  {
    name: 'the composer: the emoji menu open',
    open: async ({ page, console }) => {
      await openFixtureComposer(page, console);
      await page.getByTestId('composer-emoji').click();
      await page.getByTestId('emoji-menu').waitFor();
    },
  },
  {
    name: 'the composer: the saved replies open',
    open: async ({ page, console }) => {
      await openFixtureComposer(page, console);
      await page.getByTestId('composer-saved-replies').click();
      await page.locator('[data-testid="saved-replies"][data-loading="false"]').waitFor();
      await page.getByTestId('saved-reply').first().waitFor();
    },
  },
  {
    name: 'the composer: the smart-field menu open',
    open: async ({ page, console }) => {
      await openFixtureComposer(page, console);
      await page.getByTestId('composer-smart-fields').click();
      await page.getByTestId('smart-field-menu').waitFor();
    },
  },
  {
    name: 'the composer: the schedule form open (the clock)',
    open: async ({ page, console }) => {
      await openFixtureComposer(page, console);
      await page.getByTestId('composer-input').fill('See you Saturday');
      await page.getByTestId('composer-schedule').click();
      await page.getByTestId('schedule-reading').waitFor();
    },
    close: async ({ page }) => {
      await page.getByTestId('schedule-close').click();
      await page.getByTestId('composer-input').fill('');
    },
  },
  {
    name: 'the composer: note mode',
    open: async ({ page, console }) => {
      await openFixtureComposer(page, console);
      await page.getByTestId('composer-note-toggle').click();
      await page.locator('[data-testid="composer"][data-mode="note"]').waitFor();
    },
    close: async ({ page }) => {
      await page.getByTestId('composer-note-toggle').click();
      await page.locator('[data-testid="composer"][data-mode="message"]').waitFor();
    },
  },
  {
    name: 'the Appointments page, a day with appointments',
    open: async ({ page, truth }) => openAppointmentsDay(page, truth),
  },
  {
    name: 'the Appointments page, a reschedule form open',
    open: async ({ page, truth }) => {
      await openAppointmentsDay(page, truth);
      const booked = page.locator('[data-testid="appointments-row"][data-status="booked"]').first();
      await booked.getByTestId('appointments-reschedule').click();
      await booked.getByTestId('appointments-reschedule-form').waitFor();
    },
  },
  {
    name: 'the keyboard shortcuts dialog (?)',
    open: async ({ page }) => {
      // The shortcuts rest while a field has the focus (home() leaves it in the search).
      await page.evaluate('document.activeElement && document.activeElement.blur()');
      await page.keyboard.press('?');
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    },
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

/** Opens the fixture lead (Dana, Denver) on a PC, once it is online (the lock is live state). */
async function openDanaOn(pc: Desktop): Promise<void> {
  await pc.sitDown();
  await pc.page
    .locator('[data-testid="connection-indicator"][data-state="online"]')
    .waitFor({ timeout: WAIT_MS });
  const tab = pc.page.getByTestId('tab-conversations');
  if ((await tab.getAttribute('aria-current')) !== 'page') await tab.click();
  await pc.console.search(DEMO_FIXTURE_LEAD.name);
  await pc.console.queueRow(DEMO_FIXTURE_LEAD.id).waitFor({ timeout: WAIT_MS });
  await pc.console.openLead(DEMO_FIXTURE_LEAD.id);
}

/** The banner "NAME is in this lead" on a PC, naming `holder`. */
async function lockBannerNaming(pc: Desktop, holder: string): Promise<void> {
  await pc.page
    .getByTestId('lead-lock-banner')
    .filter({ hasText: `${holder} is in this lead` })
    .waitFor({ timeout: WAIT_MS });
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
    name: 'the Contact settings screen (a manager)',
    signedIn: true,
    open: async ({ manager }) => {
      await manager.sitDown();
      await manager.page.getByTestId('tab-contact-settings').click();
      await manager.page.getByTestId('contact-settings-form').waitFor({ timeout: WAIT_MS });
      return manager.page;
    },
  },
  {
    name: 'the Contact settings screen with its inline errors shown',
    signedIn: true,
    open: async ({ manager }) => {
      await manager.sitDown();
      await manager.page.getByTestId('tab-contact-settings').click();
      await manager.page.getByTestId('contact-sales-lead-emails').fill('a@x.com; b@y');
      await manager.page.getByTestId('business-contact-add').click();
      await manager.page.getByTestId('contact-settings-save').click();
      await manager.page.getByTestId('contact-settings-error').waitFor({ timeout: WAIT_MS });
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
  {
    name: 'the lead-lock banner, as a second agent sees it (the manager holds the lead)',
    signedIn: true,
    open: async ({ agent, manager }) => {
      await openDanaOn(manager);
      await openDanaOn(agent);
      await lockBannerNaming(agent, MANAGER.name);
      return agent.page;
    },
  },
  {
    name: 'the lead-lock banner with Take over, as a manager sees it (an agent holds the lead)',
    signedIn: true,
    open: async ({ agent, manager }) => {
      // The manager leaves the lead: the lock passes to the agent, still in it.
      await manager.sitDown();
      await manager.console.search('');
      const other = (await manager.console.visibleLeadIds()).find(
        (id) => id !== DEMO_FIXTURE_LEAD.id,
      );
      if (!other) throw new Error('the manager sees no other lead');
      await manager.console.openLead(other);
      await agent.page
        .getByTestId('lead-lock-banner')
        .waitFor({ state: 'detached', timeout: WAIT_MS });
      await openDanaOn(manager);
      await lockBannerNaming(manager, AGENT.name);
      await manager.page.getByTestId('lead-take-over').waitFor();
      return manager.page;
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
      await screen.close?.(fx);
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
