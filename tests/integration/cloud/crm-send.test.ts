import { DOMParser } from '@xmldom/xmldom';
import type { ParsedMail } from 'mailparser';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CrmChoice } from '../../../src-shared/crm/crm-choice';
import type { Lead } from '../../../src-shared/domain/lead';
import type { StoreCrm } from '../../../src-shared/domain/store-contacts';
import {
  addConversation,
  outboxOf,
  parseMail,
  rejectionMessage,
  saveStore,
  waitFor,
} from './crm-fixtures';
import { Api } from './harness/api';
import { timelineOf } from './harness/rows';
import { insertLead, seedTenant, type SeededTenant } from './harness/seed';
import { TestSmtp } from './harness/smtp';
import { BACKENDS, startTestCloud, type TestCloud } from './harness/test-cloud';

const xmlOf = (text: string) => new DOMParser().parseFromString(text, 'text/xml');
const textOf = (doc: ReturnType<typeof xmlOf>, tag: string) =>
  Array.from(doc.getElementsByTagName(tag)).map((el) => el.textContent);
/** The body as sent: SMTP carries lines with CRLF, the document was written with LF. */
const bodyOf = (mail: ParsedMail) => (mail.text ?? '').replace(/\r\n/g, '\n');
const prospectStatus = (text: string | false | undefined) =>
  xmlOf(text || '')
    .getElementsByTagName('prospect')[0]
    ?.getAttribute('status');

/** Issue 6, Send to CRM: through a real SMTP server on 127.0.0.1, under each display option. */
describe.each(BACKENDS)('Send to CRM on $backend', ({ backend, skip }) => {
  let cloud: TestCloud;
  let smtp: TestSmtp;
  let acme: SeededTenant;
  let agent: Api;

  const newLead = (changes: Partial<Lead> = {}) =>
    insertLead(cloud.db, acme.tenantId, acme.stores[0].id, changes);
  /** Store 0 with a primary business contact (the ADF vendor) and `crm` over its settings. */
  const setCrm = (crm: Partial<StoreCrm>) => {
    const store = acme.stores[0];
    return saveStore(cloud.db, {
      ...store,
      crm: { ...store.crm, ...crm },
      contacts: {
        ...store.contacts,
        businessContacts: [
          {
            title: 'GM',
            firstName: 'Gina',
            lastName: 'Manager',
            email: 'gina@north.test',
            phone: '+13035550100',
            purpose: 'primary',
          },
        ],
      },
    });
  };
  const send = async (lead: Lead, choice: CrmChoice, eventId = uuidv7()) => {
    const answer = await agent.mutate('sendToCrm', { leadId: lead.id, eventId, choice });
    if (answer.status !== 200) throw new Error(JSON.stringify(answer.body));
    return answer;
  };

  beforeAll(async () => {
    if (skip) return;
    smtp = await TestSmtp.start();
    cloud = await startTestCloud(backend, { smtp: smtp.settings }, { emailPollMs: 100 });
    acme = await seedTenant(cloud.db, 'Acme');
    agent = await new Api(cloud.url).login(acme.agent.email, acme.agent.password);
  });
  afterAll(async () => {
    await cloud?.stop();
    await smtp?.stop();
  });

  test.skipIf(skip)(
    'display option none: the XML lead address gets exactly the ADF document, as plain text',
    async () => {
      await setCrm({
        displayOption: 'none',
        xmlLeadAddress: 'leads@crm-north.test',
        adfWord: 'Acme',
        adfWordPosition: 'before',
      });
      const lead = await newLead({ firstName: 'Olivia', lastName: 'Ng', lastChannel: 'sms' });
      await agent.mutate('addNote', { leadId: lead.id, noteId: uuidv7(), text: 'Wants AWD' });
      await addConversation(cloud.db, lead, 'sms', [
        { direction: 'in', body: 'Is the blue one still there?' },
        { direction: 'out', body: 'It is!', authorUserId: acme.agent.user.id },
      ]);
      const eventId = uuidv7();
      expect((await send(lead, { kind: 'send' }, eventId)).result?.status).toBe('ok');

      const mail = await smtp.mailTo('leads@crm-north.test');
      expect(mail.to).toEqual(['leads@crm-north.test']);
      const parsed = await parseMail(mail);
      const contentType = parsed.headers.get('content-type') as {
        value: string;
        params: Record<string, string>;
      };
      expect(contentType.value).toBe('text/plain');
      expect(contentType.params.charset?.toLowerCase()).toBe('utf-8');
      expect(parsed.attachments).toEqual([]);
      expect(parsed.html).toBe(false);
      const [queued] = await outboxOf(cloud.db, lead.id);
      expect(queued?.body.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
      expect(bodyOf(parsed)).toBe(queued?.body);

      const doc = xmlOf(parsed.text ?? '');
      expect(prospectStatus(parsed.text)).toBe('new');
      expect(textOf(doc, 'name')).toEqual(
        expect.arrayContaining(['Olivia', 'Ng', 'Acme Showroom', 'Gina', 'Manager']),
      );
      expect(textOf(doc, 'service')).toEqual(['text']);
      const [comments] = textOf(doc, 'comments');
      expect(comments).toContain('Wants AWD');
      expect(comments).toContain('Is the blue one still there?');
      expect(comments).toContain('It is!');

      const events = await timelineOf(cloud.db, lead.id);
      expect(events.find((e) => e.id === eventId)).toMatchObject({
        kind: 'crm_send',
        text: 'Sent to CRM: leads@crm-north.test',
        data: { sent: true, address: 'leads@crm-north.test' },
      });

      // A second send of the same lead is a resend.
      expect((await send(lead, { kind: 'send' })).result?.status).toBe('ok');
      const again = await parseMail(await smtp.mailTo('leads@crm-north.test'));
      expect(prospectStatus(again.text)).toBe('resend');

      // Under "none" there is no choice to suppress.
      const refused = await send(lead, { kind: 'doNotSend' });
      expect(refused.result).toMatchObject({ status: 'rejected', code: 'invalid_state' });
      await waitFor(
        () => outboxOf(cloud.db, lead.id),
        (rows) => rows.every((row) => row.status === 'sent'),
      );
      expect(await outboxOf(cloud.db, lead.id)).toHaveLength(2);
    },
  );

  test.skipIf(skip)(
    'suppression: checked, nothing is sent and the thread says so; unchecked, it is sent',
    async () => {
      await setCrm({ displayOption: 'suppression', xmlLeadAddress: 'suppress@crm.test' });
      const lead = await newLead();
      const kept = uuidv7();
      expect((await send(lead, { kind: 'doNotSend' }, kept)).result).toMatchObject({
        status: 'ok',
      });
      expect(await outboxOf(cloud.db, lead.id)).toEqual([]);
      expect((await timelineOf(cloud.db, lead.id)).find((e) => e.id === kept)).toMatchObject({
        kind: 'crm_send',
        text: 'Not sent to CRM: "Do not send" was checked',
        data: { sent: false },
      });

      expect((await send(lead, { kind: 'send' })).result?.status).toBe('ok');
      const mail = await smtp.mailTo('suppress@crm.test');
      // The suppressed one never went out: this is the first and only mail for the lead.
      expect(prospectStatus((await parseMail(mail)).text)).toBe('new');
      expect(await outboxOf(cloud.db, lead.id)).toHaveLength(1);
    },
  );

  test.skipIf(skip)(
    'selection: the named address gets it; Do Not Send sends nothing and is logged',
    async () => {
      await setCrm({
        displayOption: 'selection',
        xmlLeadAddress: null,
        selectionList: [
          { name: 'New cars CRM', address: 'new@crm.test' },
          { name: 'Used cars CRM', address: 'used@crm.test' },
        ],
      });
      const lead = await newLead();
      const eventId = uuidv7();
      const sent = await send(lead, { kind: 'destination', name: 'Used cars CRM' }, eventId);
      expect(sent.result?.status).toBe('ok');
      const mail = await smtp.mailTo('used@crm.test');
      expect(mail.to).toEqual(['used@crm.test']);
      expect(bodyOf(await parseMail(mail))).toBe((await outboxOf(cloud.db, lead.id))[0]?.body);
      expect((await timelineOf(cloud.db, lead.id)).find((e) => e.id === eventId)?.text).toBe(
        'Sent to CRM: Used cars CRM',
      );

      const other = await newLead();
      expect((await send(other, { kind: 'doNotSend' })).result?.status).toBe('ok');
      expect(await outboxOf(cloud.db, other.id)).toEqual([]);
      expect((await timelineOf(cloud.db, other.id)).map((e) => e.text)).toEqual([
        'Not sent to CRM: "Do Not Send" was chosen',
      ]);

      const unknown = await send(other, { kind: 'destination', name: 'Nowhere' });
      expect(unknown.result).toMatchObject({ status: 'rejected', code: 'invalid_state' });
      expect(rejectionMessage(unknown.result)).toContain(
        'New cars CRM, Used cars CRM, Do Not Send',
      );
      const unpicked = await send(other, { kind: 'send' });
      expect(unpicked.result).toMatchObject({ status: 'rejected', code: 'invalid_state' });
      expect(await outboxOf(cloud.db, other.id)).toEqual([]);
      expect(await timelineOf(cloud.db, other.id)).toHaveLength(1);
    },
  );

  test.skipIf(skip)(
    'a store with no address is refused, naming what a manager must set; nothing is written',
    async () => {
      await setCrm({ displayOption: 'none', xmlLeadAddress: null });
      const lead = await newLead();
      const { result } = await send(lead, { kind: 'send' });
      expect(result).toMatchObject({ status: 'rejected', code: 'not_configured' });
      expect(rejectionMessage(result)).toContain('XML lead address');
      expect(await outboxOf(cloud.db, lead.id)).toEqual([]);
      expect(await timelineOf(cloud.db, lead.id)).toEqual([]);
    },
  );

  test.skipIf(skip)(
    'a lead ADF cannot describe (no email, no phone) is refused with the reason',
    async () => {
      await setCrm({ displayOption: 'none', xmlLeadAddress: 'leads@crm-north.test' });
      const lead = await newLead({ email: null, phones: [] });
      const { result } = await send(lead, { kind: 'send' });
      expect(result).toMatchObject({ status: 'rejected', code: 'invalid_state' });
      expect(rejectionMessage(result)).toContain('neither an email address nor a phone number');
      expect(await outboxOf(cloud.db, lead.id)).toEqual([]);
      expect(await timelineOf(cloud.db, lead.id)).toEqual([]);
    },
  );
});
