/**
 * The store contact settings screen (seed 002, issue 6 item 7), end to end: one cloud with the
 * demo dealer group, a manager's PC and an admin's PC. The manager fills every field, meets the
 * inline errors (a bad address in a semicolon list named; a business contact's required email
 * and phone), saves, reloads and reads it all back; the admin's PC shows the change without a
 * reload; an agent gets no entry to the screen.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../src-shared/demo';
import { DEFAULT_DISPOSITIONS } from '../../../src-shared/domain/store-contacts';
import type { Store } from '../../../src-shared/domain/tenant';
import { rowOf } from '../../integration/cloud/harness/rows';
import type { Desktop } from '../support/synced-desktops';
import { startSyncedDesktops, type SyncedDesktops } from '../support/synced-desktops';

/** The store's default list after the test removes one, adds one and moves it up by one. */
const EDITED_DISPOSITIONS: string[] = DEFAULT_DISPOSITIONS.filter((d) => d !== 'Not Interested');
EDITED_DISPOSITIONS.splice(EDITED_DISPOSITIONS.length - 1, 0, 'Test drive booked');

const WAIT_MS = 60_000;

describe('contact settings: a manager edits a store, another desktop sees it', () => {
  let fx: SyncedDesktops;
  let manager: Desktop;
  let admin: Desktop;
  let storeId: string;

  beforeAll(async () => {
    fx = await startSyncedDesktops(2);
    [manager, admin] = fx.desktops as [Desktop, Desktop];
    for (const [pc, email] of [
      [manager, 'manager@demo.test'],
      [admin, 'admin@demo.test'],
    ] as const) {
      await pc.sitDown();
      await pc.signIn.signIn({ cloudUrl: fx.cloud.url, email, password: DEMO_PASSWORD });
      await pc.console.waitUntilOpen();
    }
  }, 240_000);

  afterAll(async () => {
    await fx?.close();
  });

  const field = (page: Page, testId: string) => page.getByTestId(testId);
  const errorOf = (page: Page, testId: string) => page.getByTestId(`${testId}-error`);

  async function openScreen(pc: Desktop): Promise<void> {
    await pc.sitDown();
    await pc.page.getByTestId('tab-contact-settings').click();
    await pc.page.getByTestId('contact-settings-form').waitFor({ timeout: WAIT_MS });
  }

  it('the manager fills every field; bad input is named beside it and nothing is saved', async () => {
    await openScreen(manager);
    const page = manager.page;
    storeId = await field(page, 'contact-settings-store').inputValue();
    const before = await rowOf(fx.cloud.db, 'stores', storeId);

    await field(page, 'contact-sales-lead-emails').fill('sales@north.example; bdc@north.example');
    await field(page, 'contact-transcript-emails').fill('transcripts@north.example; oops@');
    await field(page, 'contact-action-expected-emails').fill('gm@north.example');
    await field(page, 'contact-on-response-emails').fill('desk@north.example');
    await field(page, 'contact-default-email').fill('gm@north.example');
    await page.getByTestId('business-contact-add').click();
    await field(page, 'business-contact-first-name').fill('Ana');

    await page.getByTestId('contact-settings-save').click();
    await page.getByTestId('contact-settings-error').waitFor();
    expect(await errorOf(page, 'contact-transcript-emails').textContent()).toBe(
      'oops@ is not an email address',
    );
    expect(await errorOf(page, 'business-contact-email').textContent()).toBe('Email is required');
    expect(await errorOf(page, 'business-contact-phone').textContent()).toBe('Phone is required');
    expect(await rowOf(fx.cloud.db, 'stores', storeId)).toEqual(before);

    await field(page, 'contact-transcript-emails').fill('transcripts@north.example');
    await field(page, 'business-contact-title').fill('General Manager');
    await field(page, 'business-contact-last-name').fill('Ruiz');
    await field(page, 'business-contact-email').fill('ana@north.example');
    await field(page, 'business-contact-phone').fill('(303) 555-0199');
    await page.getByTestId('business-contact-purpose').selectOption('billing');
    await errorOf(page, 'contact-transcript-emails').waitFor({ state: 'detached' });

    await field(page, 'crm-adf-word').fill('Web');
    await page.getByTestId('crm-adf-position-after').check();
    expect(await page.getByTestId('crm-adf-preview').textContent()).toBe('Showroom Web');
    await page.getByTestId('crm-adf-position-before').check();
    expect(await page.getByTestId('crm-adf-preview').textContent()).toBe('Web Showroom');
    await field(page, 'crm-xml-lead-address').fill('adf@crm.example');
    await page.getByTestId('crm-display-selection').check();
    for (const [name, address] of [
      ['VinSolutions', 'leads@vin.example'],
      ['DealerSocket', 'leads@ds.example'],
    ] as const) {
      await field(page, 'crm-entry-name').fill(name);
      await field(page, 'crm-entry-address').fill(address);
      await page.getByTestId('crm-entry-add').click();
    }
    await field(page, 'crm-entry-name').fill('Elead');
    await field(page, 'crm-entry-address').fill('elead@');
    await field(page, 'crm-entry-address').press('Enter'); // Enter in a field adds, as Add does
    expect(await errorOf(page, 'crm-entry-address').textContent()).toBe(
      'elead@ is not an email address',
    );
    await page.getByRole('button', { name: 'Remove DealerSocket' }).click();
    expect(await page.getByTestId('crm-entry').evaluateAll(names)).toEqual(['VinSolutions']);

    await field(page, 'disposition-new').fill('Test drive booked');
    await page.getByTestId('disposition-add').click();
    await page.getByRole('button', { name: 'Move Test drive booked up' }).click();
    await page.getByRole('button', { name: 'Remove Not Interested', exact: true }).click();

    await field(page, 'contact-click-to-call').fill('303.555.0111');
    await field(page, 'contact-sms-number').fill('12');
    await field(page, 'contact-sms-number').blur();
    expect(await errorOf(page, 'contact-sms-number').textContent()).toBe(
      'SMS notification number: 12 is not a phone number',
    );
    await field(page, 'contact-sms-number').fill('+1 303 555 0122');
    await page.getByTestId('contact-action-expected-hour').selectOption('6');

    await page.getByTestId('contact-settings-save').click();
    await page
      .getByTestId('contact-settings-status')
      .filter({ hasText: 'Saved.' })
      .waitFor({ timeout: WAIT_MS });
    expect(await page.getByTestId('contact-settings-error').count()).toBe(0);
  });

  it('the admin’s desktop shows the saved settings without a reload, as the cloud holds them', async () => {
    await openScreen(admin);
    await field(admin.page, 'contact-settings-store').selectOption(storeId);
    await expect
      .poll(() => field(admin.page, 'contact-sms-number').inputValue(), { timeout: WAIT_MS })
      .toBe('(303) 555-0122');
    await expectSaved(admin.page);

    const stored = (await rowOf(fx.cloud.db, 'stores', storeId)) as Store;
    expect(stored.contacts).toMatchObject({
      salesLeadEmails: ['sales@north.example', 'bdc@north.example'],
      transcriptEmails: ['transcripts@north.example'],
      actionExpectedEmails: ['gm@north.example'],
      onResponseEmails: ['desk@north.example'],
      defaultEmail: 'gm@north.example',
      businessContacts: [
        {
          title: 'General Manager',
          firstName: 'Ana',
          lastName: 'Ruiz',
          email: 'ana@north.example',
          phone: '+13035550199',
          purpose: 'billing',
        },
      ],
      clickToCallNumber: '+13035550111',
      smsNotificationNumber: '+13035550122',
      actionExpectedHour: 6,
    });
    expect(stored.crm).toEqual({
      adfWord: 'Web',
      adfWordPosition: 'before',
      xmlLeadAddress: 'adf@crm.example',
      displayOption: 'selection',
      selectionList: [{ name: 'VinSolutions', address: 'leads@vin.example' }],
    });
    expect(stored.dispositions).toEqual(EDITED_DISPOSITIONS);
  });

  it('after a reload the manager reads every field back', async () => {
    await manager.sitDown();
    await manager.page.reload();
    await manager.console.waitUntilOpen();
    await openScreen(manager);
    await field(manager.page, 'contact-settings-store').selectOption(storeId);
    await expectSaved(manager.page);
  });

  it('Reset puts back the saved settings and sends nothing', async () => {
    const page = manager.page;
    const reset = page.getByTestId('contact-settings-reset');
    expect(await reset.isDisabled()).toBe(true);
    await field(page, 'contact-sales-lead-emails').fill('someone@else.example');
    await field(page, 'crm-adf-word').fill('Chat');
    expect(await page.getByTestId('crm-adf-preview').textContent()).toBe('Chat Showroom');
    await page.getByTestId('business-contact-remove').click();
    await reset.click();
    await expectSaved(page);
    expect(await reset.isDisabled()).toBe(true);
    const stored = (await rowOf(fx.cloud.db, 'stores', storeId)) as Store;
    expect(stored.contacts.salesLeadEmails).toEqual(['sales@north.example', 'bdc@north.example']);
  });

  it('an agent has no Contact settings entry', async () => {
    await admin.sitDown();
    await admin.page.getByTestId('user-menu').click();
    await admin.page.getByTestId('switch-user').click();
    await admin.signIn.signIn({
      cloudUrl: fx.cloud.url,
      email: 'agent1@demo.test',
      password: DEMO_PASSWORD,
    });
    await admin.console.waitUntilOpen();
    await admin.page.getByTestId('tab-appointments').waitFor();
    expect(await admin.page.getByTestId('tab-contact-settings').count()).toBe(0);
    expect(await admin.page.getByTestId('contact-settings').count()).toBe(0);
  });
});

/** What the form must show for the settings saved in the first test. */
async function expectSaved(page: Page): Promise<void> {
  const value = (testId: string) => page.getByTestId(testId).inputValue();
  expect(await value('contact-sales-lead-emails')).toBe('sales@north.example; bdc@north.example');
  expect(await value('contact-transcript-emails')).toBe('transcripts@north.example');
  expect(await value('contact-action-expected-emails')).toBe('gm@north.example');
  expect(await value('contact-on-response-emails')).toBe('desk@north.example');
  expect(await value('contact-default-email')).toBe('gm@north.example');
  expect(await page.getByTestId('business-contact').count()).toBe(1);
  expect(await value('business-contact-title')).toBe('General Manager');
  expect(await value('business-contact-first-name')).toBe('Ana');
  expect(await value('business-contact-last-name')).toBe('Ruiz');
  expect(await value('business-contact-email')).toBe('ana@north.example');
  expect(await value('business-contact-phone')).toBe('(303) 555-0199');
  expect(await value('business-contact-purpose')).toBe('billing');
  expect(await value('crm-adf-word')).toBe('Web');
  expect(await page.getByTestId('crm-adf-position-before').isChecked()).toBe(true);
  expect(await page.getByTestId('crm-adf-preview').textContent()).toBe('Web Showroom');
  expect(await value('crm-xml-lead-address')).toBe('adf@crm.example');
  expect(await page.getByTestId('crm-display-selection').isChecked()).toBe(true);
  expect(await page.getByTestId('crm-entry').evaluateAll(names)).toEqual(['VinSolutions']);
  expect(await page.getByTestId('disposition').evaluateAll(texts)).toEqual(EDITED_DISPOSITIONS);
  expect(await value('contact-click-to-call')).toBe('(303) 555-0111');
  expect(await value('contact-sms-number')).toBe('(303) 555-0122');
  expect(await value('contact-action-expected-hour')).toBe('6');
}

const names = (rows: Element[]) => rows.map((row) => row.getAttribute('data-name'));
const texts = (rows: Element[]) => rows.map((row) => row.getAttribute('data-text'));
