import type { Queryable } from '../db/db';
import type { EmailKind } from './classify-email';

export interface RelayEmailRow {
  tenantId: string;
  /** The messages row it is (or, for an agent's answer, became). */
  messageId: string;
  leadId: string;
  /** RFC 5322 Message-ID without its angle brackets. */
  headerMessageId: string;
  direction: 'in' | 'out';
  kind: EmailKind | 'outbound';
  subject: string;
  raw: Buffer | null;
  createdAt: number;
}

export async function recordRelayEmail(tx: Queryable, email: RelayEmailRow): Promise<void> {
  await tx.query(
    `INSERT INTO relay_emails (tenant_id, message_id, lead_id, header_message_id, direction, kind,
       subject, raw, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
    [
      email.tenantId,
      email.messageId,
      email.leadId,
      email.headerMessageId,
      email.direction,
      email.kind,
      email.subject.slice(0, 998),
      email.raw,
      email.createdAt,
    ],
  );
}

/** True when this lead already received the email with this Message-ID (an MTA's retry). */
export async function alreadyReceived(
  db: Queryable,
  tenantId: string,
  leadId: string,
  headerMessageId: string,
): Promise<boolean> {
  const found = await db.query(
    `SELECT 1 FROM relay_emails WHERE tenant_id = $1 AND header_message_id = $2 AND lead_id = $3
       AND direction = 'in' LIMIT 1`,
    [tenantId, headerMessageId, leadId],
  );
  return found.length > 0;
}

/**
 * The lead one of our own outbound emails went to, from the Message-IDs a reply names
 * (In-Reply-To, References): only ids we minted count, so a made-up reference finds nothing.
 */
export async function leadOfReferences(
  db: Queryable,
  headerMessageIds: readonly string[],
): Promise<{ tenantId: string; leadId: string } | null> {
  if (headerMessageIds.length === 0) return null;
  const [found] = await db.query<{ tenant_id: string; lead_id: string }>(
    `SELECT e.tenant_id, e.lead_id FROM relay_emails e
     JOIN leads l ON l.tenant_id = e.tenant_id AND l.id = e.lead_id AND NOT l.deleted
     WHERE e.header_message_id = ANY($1::text[]) AND e.direction = 'out'
     ORDER BY e.created_at DESC LIMIT 1`,
    [headerMessageIds],
  );
  return found ? { tenantId: found.tenant_id, leadId: found.lead_id } : null;
}

/** The customer's latest email to this lead's thread: what our next one answers. */
export async function lastCustomerEmail(
  db: Queryable,
  tenantId: string,
  leadId: string,
): Promise<{ headerMessageId: string; subject: string } | null> {
  const [found] = await db.query<{ header_message_id: string; subject: string }>(
    `SELECT header_message_id, subject FROM relay_emails
     WHERE tenant_id = $1 AND lead_id = $2 AND direction = 'in' AND kind = 'customer'
     ORDER BY created_at DESC LIMIT 1`,
    [tenantId, leadId],
  );
  return found ? { headerMessageId: found.header_message_id, subject: found.subject } : null;
}

/** Our own outbound messages among these Message-IDs (what a bounce reports on). */
export async function outboundMessagesOf(
  db: Queryable,
  tenantId: string,
  headerMessageIds: readonly string[],
): Promise<string[]> {
  if (headerMessageIds.length === 0) return [];
  const rows = await db.query<{ message_id: string }>(
    `SELECT message_id FROM relay_emails
     WHERE tenant_id = $1 AND direction = 'out' AND header_message_id = ANY($2::text[])`,
    [tenantId, headerMessageIds],
  );
  return rows.map((row) => row.message_id);
}
