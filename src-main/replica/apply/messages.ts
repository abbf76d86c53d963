import type { Message } from '../../../src-shared';
import type { Statements } from '../statements';
import type { Numbering } from './numbering';

const COLUMNS = `tenant_id, conversation_id, direction, author_user_id, body, media, status,
  error_code, provider_id, scheduled_at, created_at`;

// Positional parameters: a million of these in a first sync, and binding by name costs more.
const INSERT_MESSAGE = `INSERT INTO messages (${COLUMNS}, n, id, lead_n)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (id) DO NOTHING`;

const UPDATE_MESSAGE = `UPDATE messages SET tenant_id = ?, conversation_id = ?, direction = ?,
  author_user_id = ?, body = ?, media = ?, status = ?, error_code = ?, provider_id = ?,
  scheduled_at = ?, created_at = ?
WHERE n = ?`;

/** The columns a message is read back from (thread.ts selects these). */
export const MESSAGE_COLUMNS = `id, ${COLUMNS}`;

export interface MessageRow {
  id: string;
  tenant_id: string;
  conversation_id: string;
  direction: Message['direction'];
  author_user_id: string | null;
  body: string;
  media: string | null;
  status: Message['status'];
  error_code: string | null;
  provider_id: string | null;
  scheduled_at: number | null;
  created_at: number;
}

export function upsertMessage(
  statements: Statements,
  numbering: Numbering,
  message: Message,
): void {
  const leadN = numbering.leadNumber(message.leadId);
  const values = [
    message.tenantId,
    message.conversationId,
    message.direction,
    message.authorUserId,
    message.body,
    message.media.length ? JSON.stringify(message.media) : null,
    message.status,
    message.errorCode,
    message.providerId,
    message.scheduledAt,
    message.createdAt,
  ];
  // Most messages are new: try the insert first, and look for the old row only if it exists.
  const n = numbering.nextMessageNumber(leadN, message.leadId);
  if (statements.get(INSERT_MESSAGE).run(...values, n, message.id, leadN).changes === 1) {
    numbering.search.markDirty(leadN);
    return;
  }
  const existing = statements
    .get('SELECT n, lead_n, body FROM messages WHERE id = ?')
    .get(message.id) as { n: number; lead_n: number; body: string };
  if (existing.lead_n === leadN) {
    statements.get(UPDATE_MESSAGE).run(...values, existing.n);
    // Delivery updates are most of the traffic and leave the words alone.
    if (existing.body !== message.body) numbering.search.markDirty(leadN);
    return;
  }
  // A message that moved to another lead changes rowid: the rowid says whose it is.
  statements.get('DELETE FROM messages WHERE n = ?').run(existing.n);
  numbering.search.markDirty(existing.lead_n);
  statements.get(INSERT_MESSAGE).run(...values, n, message.id, leadN);
  numbering.search.markDirty(leadN);
}

export function deleteMessage(
  statements: Statements,
  numbering: Numbering,
  messageId: string,
): void {
  const leadN = statements
    .get('DELETE FROM messages WHERE id = ? RETURNING lead_n')
    .pluck()
    .get(messageId) as number | undefined;
  if (leadN !== undefined) numbering.search.markDirty(leadN);
}

export function messageFromRow(row: MessageRow, leadId: string): Message {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    leadId,
    conversationId: row.conversation_id,
    direction: row.direction,
    authorUserId: row.author_user_id,
    body: row.body,
    media: row.media === null ? [] : (JSON.parse(row.media) as Message['media']),
    status: row.status,
    errorCode: row.error_code,
    providerId: row.provider_id,
    scheduledAt: row.scheduled_at,
    createdAt: row.created_at,
  };
}
