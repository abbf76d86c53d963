/**
 * Pictures of the main screens with the demo data, written to docs/screenshots/ by every e2e
 * run (issue 4: "so a reader sees the app"). One cloud with the demo dealer group, an agent's PC
 * and a manager's PC, at 1440x900. Each picture is an entry in SHOTS: a new screen is one more.
 * The test checks that each file was written now and is a real PNG of that size.
 */
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_FIXTURE_LEAD,
  DEMO_PASSWORD,
  DEMO_STORES,
  DEMO_USERS,
} from '../../../src-shared/demo';
import { Api } from '../../integration/cloud/harness/api';
import { startSyncedDesktops, type Desktop, type SyncedDesktops } from '../support/synced-desktops';

const SCREENSHOTS = resolve(import.meta.dirname, '../../../docs/screenshots');
const WIDTH = 1440;
const HEIGHT = 900;
const WAIT_MS = 60_000;

const DENVER = DEMO_STORES[0]!.row;
const AGENT = DEMO_USERS.find((u) => u.email === 'agent1@demo.test')!;
const MANAGER = DEMO_USERS.find((u) => u.role === 'manager')!;

interface Context {
  pcs: SyncedDesktops;
  agent: Desktop;
  manager: Desktop;
  managerApi: Api;
}

interface Shot {
  file: string;
  /** Whether the two PCs are signed in first (the sign-in picture needs them signed out). */
  signedIn: boolean;
  /** Brings a page to the screen, drawn and settled; returns that page. */
  open(ctx: Context): Promise<Page>;
}

/** Opens the lead at the top of the queue (a hot, waiting one) and waits for its thread. */
async function openTopLead({ agent }: Context): Promise<Page> {
  await agent.sitDown();
  // A modal left open by the shot before (the shortcuts) would keep the page from clicks.
  const dialog = agent.page.getByTestId('shortcuts-dialog');
  if (await dialog.count()) {
    await agent.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  }
  await agent.page.getByTestId('tab-conversations').click();
  await agent.console.openFolder('awaiting');
  const id = await agent.page.getByTestId('queue-row').first().getAttribute('data-lead-id');
  if (!id) throw new Error('the Awaiting Response folder shows no lead');
  await agent.console.openLead(id);
  return agent.page;
}

/** Dana (the demo's fixture lead: notes, vehicle, trade-in) with a smart-field reply typed. */
async function openDanaWithPreview({ agent }: Context): Promise<Page> {
  await agent.sitDown();
  await agent.page.getByTestId('tab-conversations').click();
  await agent.console.search(DEMO_FIXTURE_LEAD.name);
  await agent.console.openLead(DEMO_FIXTURE_LEAD.id);
  await agent.page
    .locator(`[data-testid="lead-details"][data-lead-id="${DEMO_FIXTURE_LEAD.id}"]`)
    .waitFor({ timeout: WAIT_MS });
  await agent.page.getByTestId('details-note').first().waitFor({ timeout: WAIT_MS });
  await agent.page
    .locator('[data-testid="composer"][data-disabled="false"]')
    .waitFor({ timeout: WAIT_MS });
  await agent.page
    .getByTestId('composer-input')
    .fill(
      'Hi {lead.firstName}, this is {agent.firstName} at {store.name}. Here are directions: {store.directionsLink}',
    );
  await agent.page.getByTestId('composer-preview-text').waitFor();
  return agent.page;
}

/** The first of the next two weeks' days with appointments at the agent's first store. */
async function openAppointmentsDay({ agent }: Context): Promise<Page> {
  const page = agent.page;
  await agent.sitDown();
  await page.getByTestId('tab-appointments').click();
  const settled = page.locator('[data-testid="appointments-page"][data-loading="false"]');
  await settled.waitFor({ timeout: WAIT_MS });
  for (let day = 0; day < 14 && !(await page.getByTestId('appointments-row').count()); day++) {
    const shown = await settled.getAttribute('data-day');
    await page.getByTestId('appointments-next-day').click();
    await page
      .locator(`[data-testid="appointments-page"][data-loading="false"]:not([data-day="${shown}"])`)
      .waitFor({ timeout: WAIT_MS });
  }
  await page.getByTestId('appointments-row').first().waitFor({ timeout: WAIT_MS });
  return page;
}

const SHOTS: Shot[] = [
  {
    file: 'sign-in.png',
    signedIn: false,
    open: async ({ agent }) => {
      await agent.sitDown();
      await agent.signIn.waitUntilShown();
      return agent.page;
    },
  },
  {
    file: 'conversations.png',
    signedIn: true,
    open: openTopLead,
  },
  {
    file: 'settings.png',
    signedIn: true,
    open: async ({ agent }) => {
      await agent.sitDown();
      await agent.page.getByTestId('user-menu').click();
      await agent.page.getByTestId('open-settings').click();
      await agent.page.getByTestId('settings-screen').waitFor();
      return agent.page;
    },
  },
  {
    file: 'agents.png',
    signedIn: true,
    open: async ({ manager }) => {
      await manager.sitDown();
      await manager.page.getByTestId('tab-agents').click();
      await manager.page.getByTestId('agent-row').first().waitFor({ timeout: WAIT_MS });
      return manager.page;
    },
  },
  {
    file: 'lead-details-composer.png',
    signedIn: true,
    open: openDanaWithPreview,
  },
  {
    file: 'appointments.png',
    signedIn: true,
    open: openAppointmentsDay,
  },
  {
    file: 'shortcuts.png',
    signedIn: true,
    open: async (ctx) => {
      const page = await openTopLead(ctx);
      // The shortcuts rest while a field has the focus.
      await page.evaluate('document.activeElement && document.activeElement.blur()');
      await page.keyboard.press('?');
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
      return page;
    },
  },
  {
    file: 'lead-alert.png',
    signedIn: true,
    open: async (ctx) => {
      const page = await openTopLead(ctx);
      const sent = await ctx.managerApi.post('/v1/inbound', {
        storeId: DENVER.id,
        channel: 'sms',
        from: { phone: '+1 970 555 0199', firstName: 'Riley', lastName: 'Navarro' },
        body: 'Hi! Is the blue Tacoma TRD still available? I could come by Saturday morning.',
      });
      if (sent.status !== 200) throw new Error(`inbound failed: ${JSON.stringify(sent.body)}`);
      await page
        .locator(`[data-testid="offer-alert"][data-offer-id="${String(sent.body.offerId)}"]`)
        .waitFor({ timeout: WAIT_MS });
      return page;
    },
  },
];

/** The width and height a PNG declares, or null when the bytes are not a PNG. */
function pngSize(bytes: Buffer): { width: number; height: number } | null {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 33 || !bytes.subarray(0, 8).equals(signature)) return null;
  if (bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('screenshots of the main screens (docs/screenshots/)', () => {
  let ctx: Context;
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

  for (const shot of SHOTS) {
    it(`${shot.file}: a ${WIDTH}x${HEIGHT} PNG written now`, async () => {
      if (shot.signedIn) await signInBoth();
      else if (signedIn) throw new Error(`${shot.file}: list it before the signed-in shots`);
      const page = await shot.open(ctx);
      expect(page.viewportSize()).toEqual({ width: WIDTH, height: HEIGHT });
      const path = join(SCREENSHOTS, shot.file);
      const started = Date.now();
      // Fonts loaded and no caret blinking: the same screen gives the same picture.
      await page.evaluate('document.fonts.ready.then(() => true)');
      await page.screenshot({ path, caret: 'hide', animations: 'disabled' });
      expect(statSync(path).mtimeMs).toBeGreaterThanOrEqual(started - 1000);
      expect(pngSize(readFileSync(path))).toEqual({ width: WIDTH, height: HEIGHT });
    });
  }
});
