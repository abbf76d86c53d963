/**
 * The lead details pane (seed 003's right sidebar), end to end in Chromium against the browser
 * host: first one agent on the local demo (edits checked before they are sent, labels, notes,
 * the name, appointment times refused with the store's reason), then two agents on one cloud
 * watching an appointment move the lead between the appointment folders on both screens.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LeadDetail, ConnectionState } from '../../../src-shared/console-api/views';
import {
  DEMO_FIXTURE_LEAD,
  DEMO_LABELS,
  DEMO_PASSWORD,
  DEMO_STORES,
} from '../../../src-shared/demo';
import type { Folder } from '../../../src-shared/folders/folders';
import { wallTimeAt } from '../../../src-shared/domain/zoned-time';
import type { BrowserHost } from '../../../src-main/host-node';
import { startConsole, type ConsoleFixture } from '../support/console-fixture';
import { startSyncedDesktops, type Desktop, type SyncedDesktops } from '../support/synced-desktops';

const DANA = DEMO_FIXTURE_LEAD.id;
const DENVER = DEMO_STORES.find((store) => store.row.id === DEMO_FIXTURE_LEAD.storeId)!.row;
const WAIT_MS = 60_000;
const DAY = 86_400_000;

async function leadOf(host: BrowserHost): Promise<LeadDetail> {
  const answer = await host.core.call('getLead', { leadId: DANA });
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value as LeadDetail;
}

async function pendingOf(host: BrowserHost): Promise<number> {
  const answer = await host.core.call('getConnection', {});
  if (!answer.ok) throw new Error(answer.error.message);
  return (answer.value as ConnectionState).pendingMutations;
}

/**
 * The datetime-local value of the first day from `fromDaysAhead` on which the Denver store is
 * open (its own clock), at `time`.
 */
function denverOpenDay(fromDaysAhead: number, time: string): string {
  for (let days = fromDaysAhead; days < fromDaysAhead + 8; days++) {
    const wall = wallTimeAt(Date.now() + days * DAY, DENVER.timeZone);
    const weekday = new Date(`${wall.date}T12:00:00Z`).getUTCDay();
    const key = (['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const)[weekday];
    if (key && DENVER.businessHours[key]) return `${wall.date}T${time}`;
  }
  throw new Error('the Denver store is never open');
}

function denverSunday(): string {
  for (let days = 1; days <= 7; days++) {
    const wall = wallTimeAt(Date.now() + days * DAY, DENVER.timeZone);
    if (new Date(`${wall.date}T12:00:00Z`).getUTCDay() === 0) return `${wall.date}T11:00`;
  }
  throw new Error('no Sunday this week');
}

/** A stand-in LibreTranslate on 127.0.0.1 that answers "EN: <text>" and keeps each request. */
async function startTranslator(): Promise<{
  url: string;
  requests: unknown[];
  close(): Promise<void>;
}> {
  const requests: unknown[] = [];
  const server: Server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk) => (text += String(chunk)));
    request.on('end', () => {
      const body = JSON.parse(text) as { q: string[] };
      requests.push({ path: request.url, ...body });
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ translatedText: body.q.map((q) => `EN: ${q}`) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('the lead details of Dana Whitfield, one agent on this PC', () => {
  let fx: ConsoleFixture;
  let translator: Awaited<ReturnType<typeof startTranslator>>;
  const savedTranslateUrl = process.env.SHOWROOM_TRANSLATE_URL;

  beforeAll(async () => {
    translator = await startTranslator();
    // The browser host runs in this process; its core reads the endpoint at each call.
    process.env.SHOWROOM_TRANSLATE_URL = translator.url;
    fx = await startConsole();
    await fx.console.search(DEMO_FIXTURE_LEAD.name);
    await fx.console.openLead(DANA);
    await fx.page.locator(`[data-testid="lead-details"][data-lead-id="${DANA}"]`).waitFor();
  });
  afterAll(async () => {
    await fx?.close();
    await translator?.close();
    if (savedTranslateUrl === undefined) delete process.env.SHOWROOM_TRANSLATE_URL;
    else process.env.SHOWROOM_TRANSLATE_URL = savedTranslateUrl;
  });

  const details = () => fx.page.getByTestId('lead-details');

  it('shows the store, and the lead id in its menu', async () => {
    expect(await details().getByTestId('details-store').textContent()).toBe(DENVER.name);
    await fx.page.getByTestId('details-menu').click();
    expect(await fx.page.getByTestId('details-lead-id').textContent()).toBe(DANA);
    await fx.page.keyboard.press('Escape');
    await fx.page.getByTestId('details-lead-id').waitFor({ state: 'detached' });
    expect(await details().getByTestId('details-language').inputValue()).toBe('en');
    expect(await details().getByTestId('details-opt-state').getAttribute('data-can-message')).toBe(
      'true',
    );
  });

  it('an invalid phone or email is named under the field, and nothing is saved or sent', async () => {
    const before = await leadOf(fx.host);
    const pending = await pendingOf(fx.host);

    await details().getByTestId('details-phone-add').click();
    await details().getByTestId('details-phone-input').fill('12345');
    await details().getByTestId('details-phone-input').press('Enter');
    const error = details().getByTestId('details-field-error');
    expect(await error.textContent()).toMatch(/“12345” is not a phone number/);
    expect(await details().getByTestId('details-phone-input').getAttribute('aria-invalid')).toBe(
      'true',
    );
    await details().getByTestId('details-phone-input').press('Escape');

    await details().getByTestId('details-email').click();
    await details().getByTestId('details-email-input').fill('dana@');
    await details().getByRole('button', { name: 'Save' }).click();
    expect(await error.textContent()).toMatch(/“dana@” is not an email address/);
    await details().getByTestId('details-email-input').press('Escape');

    expect((await leadOf(fx.host)).lead).toEqual(before.lead);
    expect(await pendingOf(fx.host)).toBe(pending);
  });

  it('a valid phone is added and the name is edited in place', async () => {
    await details().getByTestId('details-phone-add').click();
    await details().getByTestId('details-phone-input').fill('(303) 555-0199');
    await details().getByTestId('details-phone-input').press('Enter');
    await details().locator('[data-testid="details-phone"][data-number="+13035550199"]').waitFor();

    await details().getByTestId('details-name').click();
    await details().getByTestId('details-name-input').fill('Dana Whitfield-Reyes');
    await details().getByTestId('details-name-input').press('Enter');
    await details()
      .getByTestId('details-name')
      .and(fx.page.getByText('Dana Whitfield-Reyes'))
      .waitFor({ timeout: WAIT_MS });
    const { lead } = await leadOf(fx.host);
    expect(lead).toMatchObject({ firstName: 'Dana', lastName: 'Whitfield-Reyes' });
    expect(lead.phones.map((p) => p.number)).toEqual([DEMO_FIXTURE_LEAD.phone, '+13035550199']);
  });

  it('labels are added and removed', async () => {
    const vip = DEMO_LABELS.find((label) => label.name === 'VIP')!;
    const tradeIn = DEMO_LABELS.find((label) => label.name === 'Trade-In')!;
    const chip = (id: string) =>
      details().locator(`[data-testid="details-label"][data-label-id="${id}"]`);
    await chip(tradeIn.id).waitFor();

    await details().getByTestId('details-label-add').selectOption(vip.id);
    await chip(vip.id).waitFor({ timeout: WAIT_MS });
    await chip(tradeIn.id).getByRole('button', { name: 'Remove label Trade-In' }).click();
    await chip(tradeIn.id).waitFor({ state: 'detached', timeout: WAIT_MS });
    expect((await leadOf(fx.host)).lead.labelIds).toEqual([vip.id]);
  });

  it('her note is in the extended info, with her vehicle and trade-in', async () => {
    const extended = details().getByTestId('details-extended');
    const note = extended.getByTestId('details-note');
    await note.first().waitFor({ timeout: WAIT_MS });
    expect(await note.allTextContents()).toEqual([
      expect.stringContaining('Dana wants to stay under $450/mo'),
    ]);
    expect(await extended.getByTestId('details-vehicle-value').textContent()).toContain(
      '2021 Toyota Tacoma',
    );
    expect(await extended.getByTestId('details-trade-in-value').textContent()).toContain(
      '2014 Subaru Outback',
    );
    const notes = details().getByTestId('details-campaign-notes');
    expect(await notes.textContent()).toBe(DENVER.campaignNotes);
  });

  it('her language is changeable; her messages are translated, original and translation both shown', async () => {
    const language = details().getByTestId('details-language');
    await language.selectOption('es');
    await fx.page
      .locator('[data-testid="details-language"]')
      .and(fx.page.locator(':has(option[value="es"]:checked)'))
      .waitFor({ timeout: WAIT_MS });
    expect((await leadOf(fx.host)).lead.language).toBe('es');
    // What she wrote is English, which the core detects and offers back.
    const detected = details().getByTestId('details-language-detected');
    await detected.waitFor({ timeout: WAIT_MS });
    expect(await detected.getAttribute('data-language')).toBe('en');

    await details().getByTestId('details-translate').click();
    const pairs = details().getByTestId('details-translation-pair');
    await pairs.first().waitFor({ timeout: WAIT_MS });
    const last = 'Saturday could work. Does the Tacoma have the tow package?';
    expect(await pairs.last().locator('[lang="es"]').textContent()).toBe(last);
    expect(await pairs.last().locator('[lang="en"]').textContent()).toBe(`EN: ${last}`);
    expect(translator.requests).toEqual([
      expect.objectContaining({ path: '/translate', source: 'es', target: 'en', format: 'text' }),
    ]);

    await detected.click();
    await detected.waitFor({ state: 'detached', timeout: WAIT_MS });
    expect((await leadOf(fx.host)).lead.language).toBe('en');
  });

  it('an appointment in the past or outside store hours is refused with the reason, nothing sent', async () => {
    const pending = await pendingOf(fx.host);
    await details().getByTestId('appointment-set').click();
    const form = details().getByTestId('appointment-form');
    const when = form.getByTestId('appointment-when');
    const error = form.getByTestId('appointment-error');
    const tryTime = async (value: string) => {
      await when.fill(value);
      await form.getByTestId('appointment-save').click();
      return error.textContent();
    };

    const yesterday = wallTimeAt(Date.now() - DAY, DENVER.timeZone);
    expect(await tryTime(`${yesterday.date}T10:00`)).toMatch(/already passed/);
    expect(await tryTime(denverSunday())).toBe('The store is closed on Sundays');
    expect(await tryTime(denverOpenDay(1, '07:30'))).toMatch(/^The store opens at 09:00 on /);
    expect(await tryTime(denverOpenDay(1, '21:00'))).toMatch(/^The store closes at /);

    expect(await details().getByTestId('appointment-row').count()).toBe(0);
    expect((await leadOf(fx.host)).appointments).toEqual([]);
    expect(await pendingOf(fx.host)).toBe(pending);
  });
});

describe('opting out from the details pane', () => {
  let fx: ConsoleFixture;
  beforeAll(async () => {
    fx = await startConsole();
    await fx.console.search(DEMO_FIXTURE_LEAD.name);
    await fx.console.openLead(DANA);
  });
  afterAll(async () => fx?.close());

  it('an agent opts the lead out with a reason; the indicator turns red and only a manager may undo it', async () => {
    const details = fx.page.getByTestId('lead-details');
    const state = details.getByTestId('details-opt-state');
    expect(await state.getAttribute('data-can-message')).toBe('true');
    await details.getByTestId('details-opt-out').click();
    await details.getByTestId('details-opt-reason').fill('Asked us to stop texting');
    await details.getByTestId('details-opt-confirm').click();
    await details
      .locator('[data-testid="details-opt-state"][data-can-message="false"]')
      .waitFor({ timeout: WAIT_MS });
    expect((await leadOf(fx.host)).lead).toMatchObject({ status: 'dead', optedOut: true });
    // Opting back in is a manager's: an agent is not offered it.
    expect(await details.getByTestId('details-opt-in').count()).toBe(0);
    expect(await details.getByTestId('details-opt-out').count()).toBe(0);
  });
});

describe('an appointment seen by two agents of the Denver store', () => {
  let fx: SyncedDesktops;
  let agent1: Desktop;
  let agent2: Desktop;

  beforeAll(async () => {
    fx = await startSyncedDesktops(2);
    [agent1, agent2] = fx.desktops as [Desktop, Desktop];
    for (const [pc, email] of [
      [agent1, 'agent1@demo.test'],
      [agent2, 'agent2@demo.test'],
    ] as const) {
      await pc.sitDown();
      await pc.signIn.signIn({ cloudUrl: fx.cloud.url, email, password: DEMO_PASSWORD });
      await pc.console.waitUntilOpen();
      await pc.console.search(DEMO_FIXTURE_LEAD.name);
      await pc.console.openLead(DANA);
    }
  });
  afterAll(async () => fx?.close());

  async function count(pc: Desktop, folder: Folder): Promise<number> {
    const shown = pc.page.locator(`[data-testid="folder-count-${folder}"][data-count]`);
    await shown.waitFor({ timeout: WAIT_MS });
    return Number(await shown.getAttribute('data-count'));
  }
  const row = (pc: Desktop, status: string) =>
    pc.page.locator(`[data-testid="appointment-row"][data-status="${status}"]`);

  it('set by agent 1, rescheduled, then Showed: the folders follow on both screens', async () => {
    const before = {
      appointments: await count(agent2, 'appointments'),
      showed: await count(agent2, 'appointments_showed'),
    };
    expect(await count(agent1, 'appointments')).toBe(before.appointments);

    await agent1.sitDown();
    await agent1.page.getByTestId('appointment-set').click();
    const form = agent1.page.getByTestId('appointment-form');
    await form.getByTestId('appointment-when').fill(denverOpenDay(2, '10:00'));
    await form.getByTestId('appointment-vehicle').fill('2021 Toyota Tacoma');
    await form.getByTestId('appointment-note').fill('Appraise the Outback too');
    await form.getByTestId('appointment-save').click();
    await form.waitFor({ state: 'detached' });

    for (const pc of [agent1, agent2]) {
      await pc.console.waitForFolderCount('appointments', before.appointments + 1);
      await row(pc, 'booked').waitFor({ timeout: WAIT_MS });
    }
    const booked = await row(agent2, 'booked').getAttribute('data-starts-at');
    expect(await row(agent2, 'booked').textContent()).toContain('Appraise the Outback too');

    await agent1.sitDown();
    await agent1.page.getByTestId('appointment-reschedule').click();
    await form.getByTestId('appointment-when').fill(denverOpenDay(2, '15:30'));
    await form.getByTestId('appointment-save').click();
    await form.waitFor({ state: 'detached' });
    const moved = agent2.page.locator(
      `[data-testid="appointment-row"][data-status="booked"]:not([data-starts-at="${booked}"])`,
    );
    await moved.waitFor({ timeout: WAIT_MS });
    expect(Number(await moved.getAttribute('data-starts-at')) - Number(booked)).toBe(
      5.5 * 3_600_000,
    );
    expect(await count(agent2, 'appointments')).toBe(before.appointments + 1);

    await agent1.page.getByTestId('appointment-showed').click();
    for (const pc of [agent1, agent2]) {
      await pc.console.waitForFolderCount('appointments', before.appointments);
      await pc.console.waitForFolderCount('appointments_showed', before.showed + 1);
      await row(pc, 'showed').waitFor({ timeout: WAIT_MS });
    }
  });
});
