import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Store } from '../../../src-shared/domain/tenant';
import { openPostgres } from '../../../src-cloud/db/postgres';
import { claimDue } from '../../../src-cloud/email-outbox/outbox-rows';
import { queueEmail } from '../../../src-cloud/email-outbox/queue-email';
import { outboxOf, parseMail, saveStore, waitFor } from './crm-fixtures';
import { Api } from './harness/api';
import { startCloudProcess, type CloudProcess } from './harness/cloud-process';
import { postgresUnavailable, startPostgres, type PostgresServer } from './harness/postgres-server';
import { insertLead, seedTenant, type SeededTenant } from './harness/seed';
import { TestSmtp } from './harness/smtp';
import { BACKENDS, startTestCloud, TEST_SECRET_KEY, type TestCloud } from './harness/test-cloud';

const CRM_ADDRESS = 'leads@crm.test';

/** Store 0 sending every lead to CRM_ADDRESS, with the vendor contact ADF needs. */
function sendingStore(store: Store): Store {
  return {
    ...store,
    mainPhone: '+13035550100',
    crm: { ...store.crm, displayOption: 'none', xmlLeadAddress: CRM_ADDRESS },
  };
}

const sendToCrm = async (api: Api, leadId: string) => {
  const { result } = await api.mutate('sendToCrm', {
    leadId,
    eventId: uuidv7(),
    choice: { kind: 'send' },
  });
  expect(result?.status).toBe('ok');
};

/** A port nothing listens on now, where a mail server can be started later. */
async function closedPort(): Promise<number> {
  const smtp = await TestSmtp.start();
  const { port } = smtp.settings;
  await smtp.stop();
  return port;
}

describe.each(BACKENDS)('the email outbox on $backend', ({ backend, skip }) => {
  let cloud: TestCloud;
  let smtp: TestSmtp | null = null;
  let acme: SeededTenant;
  let agent: Api;
  let port: number;

  beforeAll(async () => {
    if (skip) return;
    port = await closedPort();
    const smtpDown = { host: '127.0.0.1', port, secure: false, user: null, password: null };
    cloud = await startTestCloud(
      backend,
      { smtp: smtpDown },
      { emailPollMs: 50, emailRetryMs: 50 },
    );
    acme = await seedTenant(cloud.db, 'Acme');
    await saveStore(cloud.db, sendingStore(acme.stores[0]));
    agent = await new Api(cloud.url).login(acme.agent.email, acme.agent.password);
  });
  afterAll(async () => {
    await cloud?.stop();
    await smtp?.stop();
  });

  test.skipIf(skip)(
    'SMTP down: the email waits and retries; SMTP back: it arrives, once',
    async () => {
      const lead = await insertLead(cloud.db, acme.tenantId, acme.stores[0].id);
      await sendToCrm(agent, lead.id);
      const [failing] = await waitFor(
        () => outboxOf(cloud.db, lead.id),
        ([row]) => row !== undefined && row.attempts >= 2 && row.status === 'queued',
      );
      expect(failing?.last_error).toMatch(/ECONNREFUSED|connect/i);

      smtp = await TestSmtp.start(port);
      const mail = await parseMail(await smtp.mailTo(CRM_ADDRESS));
      expect(mail.text).toContain(lead.id);
      const [sent] = await waitFor(
        () => outboxOf(cloud.db, lead.id),
        ([row]) => row?.status === 'sent',
      );
      expect(sent?.last_error).toBeNull();
      // More rounds find nothing to send: it stays one mail.
      await cloud.emailOutbox?.runOnce();
      await cloud.emailOutbox?.runOnce();
      expect(smtp.received).toEqual([]);
    },
  );

  test.skipIf(skip)(
    'a claim is exclusive until its lease runs out (a process that died mid-send)',
    async () => {
      const lead = await insertLead(cloud.db, acme.tenantId, acme.stores[0].id);
      const far = Date.now() + 10 * 86_400_000; // every row due, the worker's own included
      const ids = [uuidv7(), uuidv7(), uuidv7()];
      // Queued in the future, so this process's worker leaves them to the test.
      await cloud.db.transaction(async (tx) => {
        for (const id of ids) {
          await queueEmail(
            tx,
            {
              id,
              tenantId: acme.tenantId,
              leadId: lead.id,
              kind: 'escalation',
              recipients: ['x@example.test'],
              subject: 's',
              body: 'b',
            },
            far - 1000,
          );
        }
      });
      const [first, second] = await Promise.all([
        claimDue(cloud.db, far, 60_000, 10),
        claimDue(cloud.db, far, 60_000, 10),
      ]);
      const mine = (claims: { id: string; attempts: number }[] = []) =>
        claims.filter((e) => ids.includes(e.id));
      const claimed = [...mine(first), ...mine(second)].map((e) => e.id).sort();
      expect(claimed).toEqual([...ids].sort());
      expect(mine(await claimDue(cloud.db, far + 59_000, 60_000, 10))).toEqual([]);
      const again = mine(await claimDue(cloud.db, far + 60_000, 60_000, 10));
      expect(again.map((e) => [e.id, e.attempts]).sort()).toEqual(
        [...ids].sort().map((id) => [id, 2]),
      );
      await cloud.db.query('DELETE FROM email_outbox WHERE lead_id = $1', [lead.id]);
    },
  );
});

/** DESIGN §3, §9: two cloud processes on one PostgreSQL, both woken by every commit. */
describe.skipIf(postgresUnavailable())('the email outbox in two cloud processes', () => {
  let server: PostgresServer;
  let smtp: TestSmtp;
  let processes: CloudProcess[] = [];
  let acme: SeededTenant;
  let databaseUrl: string;

  beforeAll(async () => {
    server = await startPostgres();
    databaseUrl = await server.createDatabase();
    smtp = await TestSmtp.start();
    const env = {
      DATABASE_URL: databaseUrl,
      SHOWROOM_SECRET_KEY: TEST_SECRET_KEY,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.settings.port),
    };
    processes = await Promise.all([startCloudProcess(env), startCloudProcess(env)]);
    const db = await openPostgres(databaseUrl, 2);
    acme = await seedTenant(db, 'Acme');
    await saveStore(db, sendingStore(acme.stores[0]));
    await db.close();
  });
  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await smtp?.stop();
    await server?.stop();
  });

  test('every email is claimed once and arrives once', async () => {
    const db = await openPostgres(databaseUrl, 2);
    try {
      const apis = await Promise.all(
        processes.map((p) => new Api(p.url).login(acme.agent.email, acme.agent.password)),
      );
      const leads = [];
      for (let i = 0; i < 12; i++) {
        leads.push(await insertLead(db, acme.tenantId, acme.stores[0].id));
      }
      await Promise.all(leads.map((lead, i) => sendToCrm(apis[i % 2] as Api, lead.id)));
      const mails: string[] = [];
      for (let i = 0; i < leads.length; i++) {
        mails.push((await parseMail(await smtp.mailTo(CRM_ADDRESS))).text ?? '');
      }
      for (const lead of leads) {
        expect(mails.filter((text) => text.includes(lead.id))).toHaveLength(1);
        // One claim each (every claim counts an attempt): no process ever held another's.
        const [row] = await waitFor(
          () => outboxOf(db, lead.id),
          ([r]) => r?.status === 'sent',
        );
        expect(row?.attempts).toBe(1);
      }
      expect(smtp.received).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
