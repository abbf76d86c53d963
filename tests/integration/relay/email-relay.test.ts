import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Lead } from '../../../src-shared/domain/lead';
import { RecordingTexter } from '../../../src-cloud/texting/recording-texter';
import { Api } from '../cloud/harness/api';
import { insertLead, seedTenant, type SeededTenant } from '../cloud/harness/seed';
import { TestSmtp } from '../cloud/harness/smtp';
import { BACKENDS, startTestCloud, type TestCloud } from '../cloud/harness/test-cloud';
import {
  eventually,
  headerBlock,
  mailProgram,
  messageRow,
  messagesOf,
  parse,
  RELAY_DOMAIN,
  relayTokenOf,
  setPreferences,
} from './relay-fixture';

describe.each(BACKENDS)('the email relay on $backend', ({ backend, skip }) => {
  let cloud: TestCloud;
  let smtp: TestSmtp;
  let acme: SeededTenant;
  let agent: Api;
  let customer: ReturnType<typeof mailProgram>;

  const newLead = (changes: Partial<Lead> = {}) =>
    insertLead(cloud.db, acme.tenantId, acme.stores[0].id, {
      email: `${uuidv7().slice(-12)}@customer.test`,
      ...changes,
    });

  /** The agent emails the lead from the console; resolves once the relay reports it sent. */
  async function agentEmails(lead: Lead, body: string) {
    const messageId = uuidv7();
    const sent = await agent.mutate('sendMessage', {
      leadId: lead.id,
      messageId,
      channel: 'email',
      body,
      media: [],
      scheduledAt: null,
    });
    expect(sent.result?.status).toBe('ok');
    const mail = await smtp.mailTo(lead.email as string);
    const row = await eventually(
      () => messageRow(cloud.db, messageId),
      (m) => m?.status !== 'queued',
    );
    return { messageId, mail, parsed: await parse(mail.raw), row };
  }

  beforeAll(async () => {
    if (skip) return;
    smtp = await TestSmtp.start();
    cloud = await startTestCloud(
      backend,
      { smtp: smtp.settings, relayDomain: RELAY_DOMAIN, relayMaxBytes: 256 * 1024 },
      { emailSendMs: 25, texter: new RecordingTexter() },
    );
    acme = await seedTenant(cloud.db, 'Acme');
    agent = await new Api(cloud.url).login(acme.agent.email, acme.agent.password);
    customer = mailProgram(cloud.smtpPort as number);
  });
  afterAll(async () => {
    customer?.close();
    await cloud?.stop();
    await smtp?.stop();
  });

  test.skipIf(skip)(
    "an agent's email leaves from the lead's relay address in their name, with a copy to them",
    async () => {
      const lead = await newLead();
      const { messageId, mail, parsed, row } = await agentEmails(lead, 'Hello Pat, still looking?');
      const token = await relayTokenOf(cloud.db, lead.id);
      expect(token).toMatch(/^[a-z2-7]{32}$/);
      const relay = `lead-${token}@${RELAY_DOMAIN}`;
      expect(parsed.from?.value).toEqual([{ name: acme.agent.user.name, address: relay }]);
      expect(parsed.replyTo?.value).toEqual([{ name: acme.agent.user.name, address: relay }]);
      expect(parsed.messageId).toBe(`<${messageId}@${RELAY_DOMAIN}>`);
      expect(parsed.text?.trim()).toBe('Hello Pat, still looking?');
      // The copy is a Bcc: the agent is in the envelope, never in a header the customer sees.
      expect(mail.to.sort()).toEqual([acme.agent.email, lead.email].sort());
      expect(headerBlock(mail.raw)).not.toContain(acme.agent.email);
      expect(row).toMatchObject({ status: 'sent', providerId: `${messageId}@${RELAY_DOMAIN}` });
    },
  );

  test.skipIf(skip)('no copy goes to an agent who turned "copy me" off', async () => {
    await setPreferences(cloud.db, acme.agent.user, false);
    try {
      const lead = await newLead();
      const { mail } = await agentEmails(lead, 'No copy for me, please');
      expect(mail.to).toEqual([lead.email]);
    } finally {
      await setPreferences(cloud.db, acme.agent.user, true);
    }
  });

  test.skipIf(skip)(
    "the customer's reply threads to the lead with the quote stripped and the source kept; the next email answers it",
    async () => {
      const lead = await newLead({ awaitingSince: null });
      const first = await agentEmails(lead, 'Can you come in Tuesday?');
      const relay = first.parsed.from?.value[0]?.address as string;
      await customer.sendMail({
        from: { name: 'Pat Customer', address: lead.email as string },
        to: relay,
        subject: 'Re: Your inquiry at Acme North',
        inReplyTo: first.parsed.messageId,
        references: [first.parsed.messageId as string],
        messageId: `<reply-${lead.id}@customer.test>`,
        text: [
          'Yes, Tuesday at 3 works.',
          '',
          `On Mon, Jan 5, 2026 at 10:00 AM ${acme.agent.user.name} <${relay}> wrote:`,
          '> Can you come in Tuesday?',
        ].join('\r\n'),
      });
      const inbound = (await messagesOf(cloud.db, lead.id)).filter((m) => m.direction === 'in');
      expect(inbound.map((m) => m.body)).toEqual(['Yes, Tuesday at 3 works.']);
      const [kept] = await cloud.db.query<{ raw: Uint8Array; kind: string }>(
        `SELECT raw, kind FROM relay_emails WHERE lead_id = $1 AND direction = 'in'`,
        [lead.id],
      );
      expect(kept?.kind).toBe('customer');
      expect(Buffer.from(kept?.raw ?? []).toString()).toContain('> Can you come in Tuesday?');
      const reread = await eventually(
        () => cloud.db.query<{ row: Lead }>('SELECT row FROM leads WHERE id = $1', [lead.id]),
        () => true,
      );
      expect(reread[0]?.row.awaitingSince).not.toBeNull();

      const second = await agentEmails(lead, 'Great, see you then.');
      expect(second.parsed.inReplyTo).toBe(`<reply-${lead.id}@customer.test>`);
      expect(second.parsed.subject).toBe('Re: Your inquiry at Acme North');
    },
  );

  test.skipIf(skip)(
    "an agent's answer from their own mailbox reaches the customer through the relay",
    async () => {
      const lead = await newLead();
      const first = await agentEmails(lead, 'Any questions about the trade-in?');
      const relay = first.parsed.from?.value[0]?.address as string;
      await customer.sendMail({
        from: { name: acme.agent.user.name, address: acme.agent.email.toUpperCase() },
        to: relay,
        subject: 'Re: Your inquiry at Acme North',
        text: [
          'We can offer $12,000 for it.',
          '',
          '-----Original Message-----',
          `From: ${acme.agent.user.name} <${relay}>`,
          'Any questions about the trade-in?',
        ].join('\r\n'),
      });
      const mail = await smtp.mailTo(lead.email as string);
      const parsed = await parse(mail.raw);
      expect(parsed.text?.trim()).toBe('We can offer $12,000 for it.');
      expect(parsed.from?.value).toEqual([{ name: acme.agent.user.name, address: relay }]);
      // Their mailbox has it already: no copy back to them.
      expect(mail.to).toEqual([lead.email]);
      const out = (await messagesOf(cloud.db, lead.id)).filter((m) => m.direction === 'out');
      expect(out.at(-1)).toMatchObject({
        body: 'We can offer $12,000 for it.',
        authorUserId: acme.agent.user.id,
      });
      await eventually(
        () => messageRow(cloud.db, out.at(-1)?.id as string),
        (m) => m?.status === 'sent',
      );
    },
  );
});
