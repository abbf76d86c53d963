import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Lead } from '../../../src-shared/domain/lead';
import type { StoreContacts } from '../../../src-shared/domain/store-contacts';
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

/** Issue 6: Escalate and the transcript on Done, through a real SMTP server on 127.0.0.1. */
describe.each(BACKENDS)('Escalate and transcripts on $backend', ({ backend, skip }) => {
  let cloud: TestCloud;
  let smtp: TestSmtp;
  let acme: SeededTenant;
  let agent: Api;

  const newLead = (changes: Partial<Lead> = {}) =>
    insertLead(cloud.db, acme.tenantId, acme.stores[0].id, changes);
  const setContacts = (contacts: Partial<StoreContacts>) =>
    saveStore(cloud.db, {
      ...acme.stores[0],
      contacts: { ...acme.stores[0].contacts, ...contacts },
    });
  const mutate = async (name: string, args: unknown) => {
    const answer = await agent.mutate(name, args);
    if (answer.status !== 200) throw new Error(JSON.stringify(answer.body));
    return answer.result;
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
    'Escalate emails the on-response contacts the note and the full transcript',
    async () => {
      await setContacts({ onResponseEmails: ['gm@north.test', 'bdc@north.test'] });
      const lead = await newLead({ firstName: 'Ella', lastName: 'Price' });
      await addConversation(cloud.db, lead, 'sms', [
        { direction: 'in', body: 'Do you have the 2024 Civic?' },
        { direction: 'out', body: 'Yes, two of them.', authorUserId: acme.agent.user.id },
        { direction: 'in', body: 'Your price is\nway too high.' },
      ]);
      await addConversation(cloud.db, lead, 'email', [
        { direction: 'in', body: 'I want to talk to a manager' },
      ]);
      const eventId = uuidv7();
      const note = 'Customer upset about the price; please call today.';
      expect(await mutate('escalate', { leadId: lead.id, eventId, note })).toMatchObject({
        status: 'ok',
      });

      const mail = await smtp.mailTo('gm@north.test');
      expect(mail.to.sort()).toEqual(['bdc@north.test', 'gm@north.test']);
      const parsed = await parseMail(mail);
      expect(parsed.subject).toBe('Escalation: Ella Price (Acme North)');
      const text = parsed.text ?? '';
      expect(text).toContain(note);
      expect(text).toContain('Transcript (4 messages):');
      for (const line of [
        '(Text) Ella Price: Do you have the 2024 Civic?',
        '(Text) Acme Agent: Yes, two of them.',
        '(Text) Ella Price: Your price is',
        '    way too high.',
        '(Email) Ella Price: I want to talk to a manager',
      ]) {
        expect(text).toContain(line);
      }
      expect(smtp.received.filter((m) => m.to.includes('bdc@north.test'))).toEqual([]);
      expect((await timelineOf(cloud.db, lead.id)).find((e) => e.id === eventId)).toMatchObject({
        kind: 'escalation',
        text: `Escalated to gm@north.test, bdc@north.test: ${note}`,
      });
    },
  );

  test.skipIf(skip)(
    'Escalate with no on-response address is refused, saying what to set',
    async () => {
      await setContacts({ onResponseEmails: [] });
      const lead = await newLead();
      const result = await mutate('escalate', { leadId: lead.id, eventId: uuidv7(), note: 'x' });
      expect(result).toMatchObject({ status: 'rejected', code: 'not_configured' });
      expect(rejectionMessage(result)).toContain('on-response address');
      expect(await outboxOf(cloud.db, lead.id)).toEqual([]);
      expect(await timelineOf(cloud.db, lead.id)).toEqual([]);
    },
  );

  test.skipIf(skip)(
    'marking a text conversation Done sends its transcript to the transcript addresses',
    async () => {
      await setContacts({ transcriptEmails: ['transcripts@north.test'] });
      const lead = await newLead({ firstName: 'Theo', lastName: 'Banks' });
      await addConversation(cloud.db, lead, 'sms', [
        { direction: 'in', body: 'Can I come Saturday?' },
        { direction: 'out', body: 'See you at 10!', authorUserId: acme.agent.user.id },
      ]);
      await addConversation(cloud.db, lead, 'email', [
        { direction: 'in', body: 'An email, not part of the text transcript' },
      ]);
      expect(await mutate('markDone', { leadId: lead.id, done: true })).toMatchObject({
        status: 'ok',
      });
      const parsed = await parseMail(await smtp.mailTo('transcripts@north.test'));
      expect(parsed.subject).toBe('Text transcript: Theo Banks (Acme North)');
      expect(parsed.text).toContain('Theo Banks: Can I come Saturday?');
      expect(parsed.text).toContain('Acme Agent: See you at 10!');
      expect(parsed.text).not.toContain('An email, not part of the text transcript');
      // Only the text conversation had a transcript to send.
      expect((await outboxOf(cloud.db, lead.id)).map((row) => row.kind)).toEqual(['transcript']);

      // Marked not done and Done again: a second transcript, as a second closing.
      await mutate('markDone', { leadId: lead.id, done: false });
      await mutate('markDone', { leadId: lead.id, done: true });
      await smtp.mailTo('transcripts@north.test');
      expect(await outboxOf(cloud.db, lead.id)).toHaveLength(2);
    },
  );

  test.skipIf(skip)(
    'Done sends nothing without messages, or without transcript addresses',
    async () => {
      await setContacts({ transcriptEmails: ['transcripts@north.test'] });
      const silent = await newLead();
      await mutate('markDone', { leadId: silent.id, done: true });
      expect(await outboxOf(cloud.db, silent.id)).toEqual([]);

      await setContacts({ transcriptEmails: [] });
      const chatty = await newLead();
      await addConversation(cloud.db, chatty, 'chat', [{ direction: 'in', body: 'hello?' }]);
      await mutate('markDone', { leadId: chatty.id, done: true });
      expect(await outboxOf(cloud.db, chatty.id)).toEqual([]);
    },
  );

  test.skipIf(skip)('a name or note with CR/LF cannot add headers or recipients', async () => {
    await setContacts({ onResponseEmails: ['gm@north.test'] });
    const lead = await newLead({
      firstName: 'Eve\r\nBcc: victim@evil.test\r\nX-Injected: yes',
      lastName: '\nSubject: pwned',
    });
    const note = 'see below\r\n.\r\nRCPT TO:<victim@evil.test>\r\n';
    await mutate('escalate', { leadId: lead.id, eventId: uuidv7(), note });
    const mail = await smtp.mailTo('gm@north.test');
    expect(mail.to).toEqual(['gm@north.test']);
    const parsed = await parseMail(mail);
    expect(parsed.headers.has('bcc')).toBe(false);
    expect(parsed.headers.has('x-injected')).toBe(false);
    expect(parsed.subject).toBe(
      'Escalation: Eve Bcc: victim@evil.test X-Injected: yes Subject: pwned (Acme North)',
    );
    const head = mail.raw.slice(0, mail.raw.indexOf('\r\n\r\n'));
    expect(head).not.toMatch(/^(bcc|x-injected|rcpt to):/im);
    expect(smtp.received.some((m) => m.to.includes('victim@evil.test'))).toBe(false);
    await waitFor(
      () => outboxOf(cloud.db, lead.id),
      (rows) => rows[0]?.status === 'sent',
    );
  });
});
