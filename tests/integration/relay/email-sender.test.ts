import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startCloud, type RunningCloud } from '../../../src-cloud/server';
import { writeInTenant } from '../../../src-cloud/sync/tenant-write';
import { Api } from '../cloud/harness/api';
import { insertLead, seedTenant, type SeededTenant } from '../cloud/harness/seed';
import { TestSmtp } from '../cloud/harness/smtp';
import { BACKENDS, startTestCloud, type TestCloud } from '../cloud/harness/test-cloud';
import { eventually, messagesOf, RELAY_DOMAIN } from './relay-fixture';

describe.each(BACKENDS)('the relay sender on $backend', ({ backend, skip }) => {
  let cloud: TestCloud;
  let second: RunningCloud;
  let smtp: TestSmtp;
  let acme: SeededTenant;
  let agent: Api;

  beforeAll(async () => {
    if (skip) return;
    smtp = await TestSmtp.start();
    cloud = await startTestCloud(
      backend,
      { smtp: smtp.settings, relayDomain: RELAY_DOMAIN },
      { emailSendMs: 5 },
    );
    // A second cloud on the same database, its sender racing the first for every message.
    second = await startCloud(cloud.config, { db: cloud.db, emailSendMs: 5 });
    acme = await seedTenant(cloud.db, 'Acme');
    agent = await new Api(cloud.url).login(acme.agent.email, acme.agent.password);
  });
  afterAll(async () => {
    await second?.close();
    await cloud?.stop();
    await smtp?.stop();
  });

  test.skipIf(skip)('two clouds sending from one queue send every email exactly once', async () => {
    const lead = await insertLead(cloud.db, acme.tenantId, acme.stores[0].id, {
      email: 'once@customer.test',
    });
    const bodies = Array.from({ length: 30 }, (_, i) => `Message ${i + 1}`);
    for (const body of bodies) {
      const sent = await agent.mutate('sendMessage', {
        leadId: lead.id,
        messageId: uuidv7(),
        channel: 'email',
        body,
        media: [],
        scheduledAt: null,
      });
      expect(sent.result?.status).toBe('ok');
    }
    const out = await eventually(
      () => messagesOf(cloud.db, lead.id),
      (messages) => messages.every((m) => m.status === 'sent'),
    );
    expect(out).toHaveLength(30);
    const received = smtp.received.filter((mail) => mail.to.includes('once@customer.test'));
    expect(received).toHaveLength(30);
    const ids = received.map((mail) => /^Message-ID: <([^>]+)>/im.exec(mail.raw)?.[1]);
    expect(new Set(ids)).toEqual(new Set(out.map((m) => m.providerId)));
    const sends = await cloud.db.query<{ state: string }>(
      'SELECT state FROM email_sends WHERE tenant_id = $1',
      [acme.tenantId],
    );
    expect(sends.map((s) => s.state)).toEqual(Array(30).fill('sent'));
  });

  test.skipIf(skip)(
    'a message whose lead opted out after it was queued fails as opted out and is never sent',
    async () => {
      const lead = await insertLead(cloud.db, acme.tenantId, acme.stores[0].id, {
        email: 'gone@customer.test',
      });
      const messageId = uuidv7();
      // Queued while the lead could still be written to, then the lead says STOP before the
      // sender gets to it: both in one transaction, so the sender cannot see the one without
      // the other.
      await writeInTenant(cloud.db, acme.tenantId, async (tx, write) => {
        const conversationId = uuidv7();
        await write.insert('conversations', {
          id: conversationId,
          tenantId: acme.tenantId,
          leadId: lead.id,
          channel: 'email',
          createdAt: Date.now(),
        });
        await write.insert('messages', {
          id: messageId,
          tenantId: acme.tenantId,
          leadId: lead.id,
          conversationId,
          direction: 'out',
          authorUserId: acme.agent.user.id,
          body: 'Still interested?',
          media: [],
          status: 'queued',
          errorCode: null,
          providerId: null,
          scheduledAt: null,
          createdAt: Date.now(),
        });
        await write.update('leads', { ...lead, status: 'dead', optedOut: true });
      });
      const [failed] = await eventually(
        () => messagesOf(cloud.db, lead.id),
        (messages) => messages[0]?.status !== 'queued',
      );
      expect(failed).toMatchObject({ status: 'failed', errorCode: 'opted_out' });
      const [send] = await cloud.db.query<{ state: string; reason: string }>(
        'SELECT state, reason FROM email_sends WHERE message_id = $1',
        [messageId],
      );
      expect(send).toMatchObject({ state: 'failed', reason: expect.stringContaining('opted out') });
      expect(smtp.received.some((mail) => mail.to.includes('gone@customer.test'))).toBe(false);
    },
  );
});
