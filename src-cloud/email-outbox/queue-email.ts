import type { Tx } from '../db/db';
import { headerSafe } from './header-safe';

/** The NOTIFY channel that wakes every process's outbox worker when a transaction queued mail. */
export const OUTBOX_CHANNEL = 'showroom_email_outbox';

export type EmailKind = 'crm_send' | 'escalation' | 'transcript';

export interface QueuedEmail {
  id: string;
  tenantId: string;
  leadId: string | null;
  kind: EmailKind;
  /** Addresses already checked (store settings are zod-validated emails). */
  recipients: readonly string[];
  subject: string;
  /** The whole plain-text body (for Send to CRM: the ADF XML, nothing else). */
  body: string;
}

/**
 * Writes one email into the outbox inside the caller's transaction: it exists exactly when the
 * action that caused it committed. The NOTIFY is delivered at commit (never for a rollback), so
 * a worker sends it at once rather than at its next poll.
 */
export async function queueEmail(tx: Tx, email: QueuedEmail, now: number): Promise<void> {
  if (email.recipients.length === 0) throw new Error(`email ${email.id} has no recipient`);
  await tx.query(
    `INSERT INTO email_outbox
       (id, tenant_id, lead_id, kind, recipients, subject, body, next_attempt_at, created_at)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $8)`,
    [
      email.id,
      email.tenantId,
      email.leadId,
      email.kind,
      JSON.stringify(email.recipients),
      headerSafe(email.subject),
      email.body,
      now,
    ],
  );
  await tx.query('SELECT pg_notify($1, $2)', [OUTBOX_CHANNEL, email.id]);
}
