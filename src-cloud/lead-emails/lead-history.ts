import type { Channel, Conversation, Message } from '../../src-shared/domain/conversation';
import type { Lead } from '../../src-shared/domain/lead';
import type { TimelineEvent } from '../../src-shared/domain/timeline';
import type { Tx } from '../db/db';

/** One message as a person reads it in a transcript, oldest first. */
export interface HistoryLine {
  at: number;
  channel: Channel;
  from: 'customer' | 'agent' | 'system';
  /** The agent's name (agent lines); null for the customer and automation. */
  author: string | null;
  text: string;
}

export interface LeadHistory {
  /** The agent's notes, oldest first. */
  notes: string[];
  /** Every message sent or received (scheduled ones not yet), all channels, oldest first. */
  lines: HistoryLine[];
  /** True when the lead went to a CRM before (a crm_send event that sent). */
  sentToCrmBefore: boolean;
}

/** What a lead's thread holds, read within the caller's transaction and tenant. */
export async function loadLeadHistory(tx: Tx, lead: Lead): Promise<LeadHistory> {
  const { tenantId, id } = lead;
  // One after another: a transaction is one connection, which runs one query at a time anyway
  // (pg queues overlapping ones, deprecated, and pg 9 refuses them).
  const events = await rowsOf<TimelineEvent>(tx, 'timeline_events', tenantId, id);
  const conversations = await rowsOf<Conversation>(tx, 'conversations', tenantId, id);
  const messages = await rowsOf<Message>(tx, 'messages', tenantId, id);
  const channelOf = new Map(conversations.map((c) => [c.id, c.channel]));
  const authors = await userNames(
    tx,
    tenantId,
    messages.flatMap((m) => (m.authorUserId ? [m.authorUserId] : [])),
  );
  return {
    notes: events.filter((e) => e.kind === 'note').map((e) => e.text),
    sentToCrmBefore: events.some((e) => e.kind === 'crm_send' && e.data.sent === true),
    lines: messages
      .filter((m) => m.status !== 'scheduled')
      .map((m) => ({
        at: m.createdAt,
        channel: channelOf.get(m.conversationId) ?? 'sms',
        from: m.direction === 'in' ? 'customer' : m.authorUserId ? 'agent' : 'system',
        author: m.authorUserId ? (authors.get(m.authorUserId) ?? null) : null,
        text: withAttachments(m),
      })),
  };
}

function withAttachments(message: Message): string {
  const files = message.media.map((m) => `[attachment: ${m.name || m.contentType}]`);
  return [message.body.trim(), ...files].filter(Boolean).join(' ');
}

async function rowsOf<T>(tx: Tx, table: string, tenantId: string, leadId: string): Promise<T[]> {
  // Sorted here rather than by version: a message's createdAt is when it was written or received.
  const rows = await tx.query<{ row: T }>(
    `SELECT row FROM ${table} WHERE tenant_id = $1 AND lead_id = $2 AND NOT deleted
     ORDER BY (row->>'createdAt')::bigint, id`,
    [tenantId, leadId],
  );
  return rows.map((r) => r.row);
}

async function userNames(tx: Tx, tenantId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.query<{ id: string; name: string }>(
    `SELECT id, row->>'name' AS name FROM users WHERE tenant_id = $1 AND id = ANY($2::text[])`,
    [tenantId, [...new Set(ids)]],
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}
