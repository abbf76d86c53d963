import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Lead } from '../../../src-shared/domain/lead';
import { RecordingTexter } from '../../../src-cloud/texting/recording-texter';
import { Api } from '../cloud/harness/api';
import { snapshot } from '../cloud/harness/rows';
import { insertLead, seedTenant, type SeededTenant } from '../cloud/harness/seed';
import { TestSmtp } from '../cloud/harness/smtp';
import { BACKENDS, startTestCloud, type TestCloud } from '../cloud/harness/test-cloud';
import {
  eventually,
  headerBlock,
  mailProgram,
  messageRow,
  messagesOf,
  offersOf,
  parse,
  RELAY_DOMAIN,
  refusalOf,
  relayTokenOf,
} from './relay-fixture';

describe.each(BACKENDS)('the email relay refuses and records on $backend', ({ backend, skip }) => {
  let cloud: TestCloud;
  let smtp: TestSmtp;
  let acme: SeededTenant;
  let agent: Api;
  let sender: ReturnType<typeof mailProgram>;

  const newLead = (changes: Partial<Lead> = {}) =>
    insertLead(cloud.db, acme.tenantId, acme.stores[0].id, {
      email: `${uuidv7().slice(-12)}@customer.test`,
      assignedUserId: acme.agent.user.id,
      ...changes,
    });

  /** A lead with a relay address (the agent emailed them once), and that address. */
  async function emailedLead(changes: Partial<Lead> = {}) {
    const lead = await newLead(changes);
    const messageId = uuidv7();
    const sent = await agent.mutate('sendMessage', {
      leadId: lead.id,
      messageId,
      channel: 'email',
      body: 'Hello from Acme',
      media: [],
      scheduledAt: null,
    });
    expect(sent.result?.status).toBe('ok');
    await smtp.mailTo(lead.email as string);
    await eventually(
      () => messageRow(cloud.db, messageId),
      (m) => m?.status === 'sent',
    );
    const relay = `lead-${await relayTokenOf(cloud.db, lead.id)}@${RELAY_DOMAIN}`;
    return { lead, relay, messageId };
  }

  /** Proof that the listener still works: a plain email is taken and threaded. */
  async function stillReceives() {
    const { lead, relay } = await emailedLead();
    await sender.sendMail({
      from: lead.email as string,
      to: relay,
      subject: 'Hi',
      text: 'Still here',
    });
    expect((await messagesOf(cloud.db, lead.id)).at(-1)?.body).toBe('Still here');
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
    sender = mailProgram(cloud.smtpPort as number);
  });
  afterAll(async () => {
    sender?.close();
    await cloud?.stop();
    await smtp?.stop();
  });

  test.skipIf(skip)(
    'an unknown token or another domain is refused with 550 at RCPT, and nothing is written',
    async () => {
      const { relay } = await emailedLead();
      const before = await snapshot(cloud.db, acme.tenantId);
      const unknown = `lead-${'a'.repeat(32)}@${RELAY_DOMAIN}`;
      const elsewhere = relay.replace(RELAY_DOMAIN, 'example.com');
      for (const to of [unknown, elsewhere, `sales@${RELAY_DOMAIN}`]) {
        const refused = await refusalOf(
          sender.sendMail({ from: 'x@customer.test', to, text: 'hi' }),
        );
        expect(refused?.responseCode).toBe(550);
        expect(refused?.response).toMatch(/no such relay address/);
      }
      expect(await snapshot(cloud.db, acme.tenantId)).toEqual(before);
    },
  );

  test.skipIf(skip)('an email over the size limit is refused with a clear 552', async () => {
    const { lead, relay } = await emailedLead();
    const refused = await refusalOf(
      sender.sendMail({
        from: lead.email as string,
        to: relay,
        text: 'brochure attached',
        attachments: [{ filename: 'big.pdf', content: Buffer.alloc(400 * 1024, 1) }],
      }),
    );
    expect(refused?.responseCode).toBe(552);
    expect(refused?.response).toMatch(/larger than the 256 KB this relay accepts/);
    expect((await messagesOf(cloud.db, lead.id)).filter((m) => m.direction === 'in')).toEqual([]);
    await stillReceives();
  });

  test.skipIf(skip)(
    'malformed MIME neither crashes the listener nor loses the readable text',
    async () => {
      const { lead, relay } = await emailedLead();
      const raw = [
        `From: ${lead.email}`,
        `To: ${relay}`,
        'Subject: =?utf-8?B?broken',
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="never-closed"',
        '',
        '--never-closed',
        'Content-Type: text/plain; charset=x-no-such-charset',
        'Content-Transfer-Encoding: quoted-printable',
        '',
        'Please call me =E2=80=94 after 5=',
        '--never-closed',
        'Content-Type: application/pdf; name="quote.pdf"',
        'Content-Transfer-Encoding: base64',
        '',
        '!!!not base64 at all!!!',
        '--never-closed',
        'Content-Type: image/png; name="photo.png"',
        'Content-Transfer-Encoding: base64',
        '',
        'bm90IGEgcG5nIGF0IGFsbA==',
        '',
      ].join('\r\n');
      const refused = await refusalOf(
        sender.sendMail({ envelope: { from: lead.email as string, to: [relay] }, raw }),
      );
      // Either read leniently and recorded, or refused as unreadable: never a crash or a 451.
      const inbound = (await messagesOf(cloud.db, lead.id)).filter((m) => m.direction === 'in');
      if (refused) {
        expect(refused.responseCode).toBe(554);
        expect(inbound).toEqual([]);
      } else {
        expect(inbound).toHaveLength(1);
        expect(inbound[0]?.body).toContain('Please call me');
        // The "PNG" is not one: it is named, not stored.
        expect(inbound[0]?.body).toContain(
          '[Attachment not kept: photo.png (not really image/png)]',
        );
        expect(inbound[0]?.media.map((m) => m.name)).not.toContain('photo.png');
      }
      await stillReceives();
    },
  );

  test.skipIf(skip)(
    'header injection in names and subjects adds no recipient and no header',
    async () => {
      const { lead, relay } = await emailedLead({
        firstName: 'Pat\r\nBcc: thief@evil.test',
        lastName: 'X\nSubject: pwned',
      });
      await sender.sendMail({
        from: lead.email as string,
        to: relay,
        subject: 'Question',
        headers: { 'X-Note': 'fine' },
        text: 'What colours?',
      });
      // The agent answers; the thread's subject came from the customer and names came from the lead.
      const messageId = uuidv7();
      await agent.mutate('sendMessage', {
        leadId: lead.id,
        messageId,
        channel: 'email',
        body: 'Red or blue.\r\nBcc: thief@evil.test',
        media: [],
        scheduledAt: null,
      });
      const mail = await smtp.mailTo(lead.email as string);
      expect(mail.to.sort()).toEqual([acme.agent.email, lead.email].sort());
      // The names stay inside one quoted display name: no header line of their own.
      expect(headerBlock(mail.raw)).not.toMatch(/^(bcc|subject: pwned)/im);
      expect(smtp.received.some((m) => m.to.includes('thief@evil.test'))).toBe(false);
      const parsed = await parse(mail.raw);
      expect(parsed.subject).toBe('Re: Question');
      expect(parsed.bcc).toBeUndefined();
      const to = Array.isArray(parsed.to) ? parsed.to : [parsed.to];
      expect(to.flatMap((t) => t?.value.map((a) => a.address) ?? [])).toEqual([lead.email]);
      expect(parsed.text?.trim()).toBe('Red or blue.\nBcc: thief@evil.test');
    },
  );

  test.skipIf(skip)(
    "an auto-reply and a bounce are recorded but do not ring; the customer's own email does",
    async () => {
      const { lead, relay, messageId } = await emailedLead({ assignedUserId: null });
      await sender.sendMail({
        from: lead.email as string,
        to: relay,
        subject: 'Out of Office: Re: Your inquiry',
        headers: { 'Auto-Submitted': 'auto-replied' },
        text: 'I am away until Monday.',
      });
      await sender.sendMail({
        envelope: { from: '', to: [relay] },
        raw: [
          `From: Mail Delivery System <MAILER-DAEMON@customer.test>`,
          `To: ${relay}`,
          'Subject: Undelivered Mail Returned to Sender',
          'MIME-Version: 1.0',
          'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
          '',
          '--b',
          'Content-Type: text/plain',
          '',
          'The mailbox does not exist.',
          '--b',
          'Content-Type: message/delivery-status',
          '',
          'Final-Recipient: rfc822; ' + lead.email,
          'Action: failed',
          'Status: 5.1.1',
          '--b',
          'Content-Type: text/rfc822-headers',
          '',
          `Message-ID: <${messageId}@${RELAY_DOMAIN}>`,
          '--b--',
          '',
        ].join('\r\n'),
      });
      const inbound = (await messagesOf(cloud.db, lead.id)).filter((m) => m.direction === 'in');
      expect(inbound.map((m) => m.errorCode)).toEqual(['auto_reply', 'bounce']);
      expect(inbound[0]?.body).toContain('I am away until Monday.');
      expect(await offersOf(cloud.db, lead.id)).toEqual([]);
      const [row] = await cloud.db.query<{ row: Lead }>('SELECT row FROM leads WHERE id = $1', [
        lead.id,
      ]);
      expect(row?.row.awaitingSince).toBeNull();
      expect(await messageRow(cloud.db, messageId)).toMatchObject({
        status: 'undelivered',
        errorCode: 'bounced',
      });

      await sender.sendMail({ from: lead.email as string, to: relay, text: 'Real question' });
      expect(await offersOf(cloud.db, lead.id)).toHaveLength(1);
    },
  );

  test.skipIf(skip)(
    'attachments: a real photo and a PDF are stored, a program is named and not kept; a retried email is not doubled',
    async () => {
      const { lead, relay } = await emailedLead();
      const png = Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
        'base64',
      );
      const email = {
        from: lead.email as string,
        to: relay,
        messageId: `<attach-${lead.id}@customer.test>`,
        text: 'Photos of my trade',
        attachments: [
          { filename: 'trade.png', content: png, contentType: 'image/png' },
          {
            filename: 'title.pdf',
            content: Buffer.from('%PDF-1.4 ...'),
            contentType: 'application/pdf',
          },
          {
            filename: 'setup.exe',
            content: Buffer.from('MZ'),
            contentType: 'application/x-msdownload',
          },
        ],
      };
      await sender.sendMail(email);
      await sender.sendMail(email);
      const inbound = (await messagesOf(cloud.db, lead.id)).filter((m) => m.direction === 'in');
      expect(inbound).toHaveLength(1);
      expect(inbound[0]?.media.map((m) => [m.name, m.contentType])).toEqual([
        ['trade.png', 'image/png'],
        ['title.pdf', 'application/pdf'],
      ]);
      expect(inbound[0]?.body).toContain('Photos of my trade');
      expect(inbound[0]?.body).toContain('[Attachment not kept: setup.exe');
      const photo = await agent.request(
        'GET',
        new URL(inbound[0]?.media[0]?.url as string).pathname,
      );
      expect(photo.status).toBe(200);
    },
  );
});
