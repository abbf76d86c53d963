/**
 * Send to CRM from the right sidebar (issue 6), end to end: an agent of the Denver store opens
 * Dana, sends her to the CRM; the store's CRM address, on a real SMTP server on 127.0.0.1,
 * receives her ADF document as the whole body of a plain-text email; the thread shows
 * "Sent to CRM: ..." on the agent's screen and stays so once the cloud's event is pulled. Then
 * the end of the conversation: a disposition picked from the store's list, Do not send
 * checked, and Done.
 */
import { DOMParser } from '@xmldom/xmldom';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FIXTURE_LEAD, DEMO_PASSWORD } from '../../../src-shared/demo';
import type { Store } from '../../../src-shared/domain/tenant';
import { outboxOf, saveStore, waitFor } from '../../integration/cloud/crm-fixtures';
import { rowOf, timelineOf } from '../../integration/cloud/harness/rows';
import { TestSmtp } from '../../integration/cloud/harness/smtp';
import { startSyncedDesktops, type Desktop, type SyncedDesktops } from '../support/synced-desktops';

const DANA = DEMO_FIXTURE_LEAD.id;
const CRM_ADDRESS = 'adf-leads@denver-crm.test';
const WAIT_MS = 60_000;

describe('an agent sends a lead to the CRM from the sidebar', () => {
  let fx: SyncedDesktops;
  let smtp: TestSmtp;
  let agent: Desktop;
  let denver: Store;

  const thread = () => agent.page.getByTestId('thread-item');

  beforeAll(async () => {
    smtp = await TestSmtp.start();
    fx = await startSyncedDesktops(1, {
      config: { smtp: smtp.settings },
      options: { emailPollMs: 200 },
    });
    const [found] = await fx.cloud.db.query<{ row: Store }>(
      'SELECT row FROM stores WHERE id = $1',
      [DEMO_FIXTURE_LEAD.storeId],
    );
    if (!found) throw new Error('the demo has no Denver store');
    // A manager set the CRM up before the agent signed in (Contact settings, seed 002).
    denver = {
      ...found.row,
      crm: { ...found.row.crm, displayOption: 'none', xmlLeadAddress: CRM_ADDRESS },
    };
    await saveStore(fx.cloud.db, denver);
    [agent] = fx.desktops as [Desktop];
    await agent.sitDown();
    await agent.signIn.signIn({
      cloudUrl: fx.cloud.url,
      email: 'agent1@demo.test',
      password: DEMO_PASSWORD,
    });
    await agent.console.waitUntilOpen();
    await agent.console.search(DEMO_FIXTURE_LEAD.name);
    await agent.console.openLead(DANA);
  }, 180_000);
  afterAll(async () => {
    await fx?.close();
    await smtp?.stop();
  });

  it('the CRM address gets the ADF document and the thread says where it went', async () => {
    await agent.page.getByTestId('details-send-to-crm').click();
    await expect
      .poll(() => agent.page.getByTestId('crm-form').getByTestId('crm-destination').textContent(), {
        timeout: WAIT_MS,
      })
      .toContain(CRM_ADDRESS);
    await agent.page.getByTestId('crm-confirm').click();

    const sentText = `Sent to CRM: ${CRM_ADDRESS}`;
    await thread().filter({ hasText: sentText }).first().waitFor({ timeout: WAIT_MS });

    const mail = await smtp.mailTo(CRM_ADDRESS);
    expect(mail.to).toEqual([CRM_ADDRESS]);
    const parsed = await simpleParser(mail.raw);
    expect(parsed.headers.get('content-type')).toMatchObject({ value: 'text/plain' });
    expect(parsed.attachments).toEqual([]);
    const body = (parsed.text ?? '').replace(/\r\n/g, '\n');
    const [queued] = await outboxOf(fx.cloud.db, DANA);
    expect(body).toBe(queued?.body);
    const doc = new DOMParser().parseFromString(body, 'text/xml');
    const names = Array.from(doc.getElementsByTagName('name')).map((n) => n.textContent);
    expect(names).toEqual(expect.arrayContaining(['Dana', 'Whitfield', denver.name]));
    expect(doc.getElementsByTagName('id')[0]?.textContent).toBe(DANA);

    // The cloud's own event, pulled back, reads the same: one "Sent to CRM" in the thread.
    const events = await timelineOf(fx.cloud.db, DANA);
    expect(events.filter((e) => e.kind === 'crm_send').map((e) => e.text)).toEqual([sentText]);
    await expect
      .poll(async () => thread().filter({ hasText: sentText }).count(), { timeout: WAIT_MS })
      .toBe(1);
  });

  it('the end of the conversation: a disposition, the CRM choice, and Done', async () => {
    // The manager switched the store to the suppression checkbox; the desktop pulls it.
    await saveStore(fx.cloud.db, {
      ...denver,
      crm: { ...denver.crm, displayOption: 'suppression' },
    });
    const section = agent.page.getByTestId('details-wrap-up');
    await section.getByTestId('crm-do-not-send').waitFor({ timeout: WAIT_MS });
    const disposition = denver.dispositions[1] as string;
    await section.getByLabel('Disposition').selectOption(disposition);
    await section.getByTestId('crm-do-not-send').check();
    await section.getByTestId('wrap-up-done').click();

    const notSent = 'Not sent to CRM: "Do not send" was checked';
    await thread().filter({ hasText: notSent }).first().waitFor({ timeout: WAIT_MS });
    const lead = await waitFor(
      () => rowOf(fx.cloud.db, 'leads', DANA),
      (row) => row?.doneAt !== null && row?.disposition === disposition,
    );
    expect(lead?.disposition).toBe(disposition);
    const events = await waitFor(
      () => timelineOf(fx.cloud.db, DANA),
      (rows) => rows.some((e) => e.text === notSent),
    );
    expect(events.filter((e) => e.kind === 'crm_send')).toHaveLength(2);
    // Suppressed: still the one CRM email of the first test in the outbox.
    expect((await outboxOf(fx.cloud.db, DANA)).filter((e) => e.kind === 'crm_send')).toHaveLength(
      1,
    );
  });
});
