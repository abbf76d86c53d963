import type { Transporter } from 'nodemailer';
import { smtpTransport } from '../email/mailer';
import { repeatRounds } from '../jobs/rounds';
import type { RelayServices } from './relay-services';
import { failEmail, sendOneEmail } from './send-one-email';

/** How many queued emails one claim takes; a backlog takes several rounds. */
const BATCH = 20;
/** A claim older than this with no outcome was cut short by a crash: failed, never resent. */
const INTERRUPTED_AFTER_MS = 10 * 60_000;

export interface EmailSender {
  /** One round now (tests and benches; the timer runs them otherwise): how many it handled. */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * The relay's outbound worker, in every cloud process: claims queued outbound messages of email
 * conversations with FOR UPDATE SKIP LOCKED and an email_sends row per message (its key makes
 * each go out at most once, whichever process claims it), sends them over SMTP with the
 * environment's settings, and writes sent or failed, with a reason, through the sync writer.
 */
export function startEmailSender(services: RelayServices, intervalMs: number): EmailSender {
  const smtp = services.config.smtp;
  const transport: Transporter | null = smtp ? smtpTransport(smtp, true) : null;
  const send = () => sendDue(services, transport);
  const rounds = repeatRounds(intervalMs, send, 0, services.log, 'email relay: send round');
  return {
    runOnce: rounds.runOnce,
    async stop() {
      await rounds.stop();
      transport?.close();
    },
  };
}

async function sendDue(services: RelayServices, transport: Transporter | null): Promise<number> {
  await failInterrupted(services);
  let total = 0;
  for (;;) {
    const claimed = await claimQueued(services);
    for (const claim of claimed) await sendOneEmail(services, transport, claim);
    total += claimed.length;
    if (claimed.length < BATCH) return total;
  }
}

export interface EmailClaim {
  tenantId: string;
  messageId: string;
}

async function claimQueued(services: RelayServices): Promise<EmailClaim[]> {
  const rows = await services.db.query<{ tenant_id: string; message_id: string }>(
    `WITH due AS (
       SELECT m.tenant_id, m.id FROM messages m
       JOIN conversations c ON c.tenant_id = m.tenant_id AND c.id = m.row ->> 'conversationId'
       WHERE m.row ->> 'status' = 'queued' AND m.row ->> 'direction' = 'out' AND NOT m.deleted
         AND c.row ->> 'channel' = 'email'
         AND NOT EXISTS (SELECT 1 FROM email_sends s
                         WHERE s.tenant_id = m.tenant_id AND s.message_id = m.id)
       ORDER BY m.version LIMIT $1
       FOR UPDATE OF m SKIP LOCKED)
     INSERT INTO email_sends (tenant_id, message_id, state, claimed_at)
     SELECT tenant_id, id, 'sending', $2 FROM due
     ON CONFLICT DO NOTHING
     RETURNING tenant_id, message_id`,
    [BATCH, services.now()],
  );
  return rows.map((row) => ({ tenantId: row.tenant_id, messageId: row.message_id }));
}

/** Claims a crash left without an outcome: the SMTP server may have taken them, so no retry. */
async function failInterrupted(services: RelayServices): Promise<void> {
  const stale = await services.db.query<{ tenant_id: string; message_id: string }>(
    `SELECT tenant_id, message_id FROM email_sends WHERE state = 'sending' AND claimed_at < $1
     LIMIT 100`,
    [services.now() - INTERRUPTED_AFTER_MS],
  );
  for (const row of stale) {
    await failEmail(
      services,
      { tenantId: row.tenant_id, messageId: row.message_id },
      'interrupted',
      'the cloud stopped while sending; not retried in case it went out',
    );
  }
}
