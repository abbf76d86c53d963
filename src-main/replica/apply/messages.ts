import type { Message } from '../../../src-shared';
import type { Statements } from '../statements';
import type { Numbering } from './numbering';

const INSERT_MESSAGE = `
INSERT INTO messages (n, id, lead_n, created_at, status, body, doc)
VALUES (?, ?, ?, ?, ?, ?, ?)`;

const UPDATE_MESSAGE = `
UPDATE messages SET created_at = ?, status = ?, body = ?, doc = ? WHERE n = ?`;

/** The body is kept once, in its own column (it feeds the search index); the rest as JSON. */
export function upsertMessage(statements: Statements, numbering: Numbering, message: Message): void {
  const { body, ...rest } = message;
  const doc = JSON.stringify(rest);
  const leadN = numbering.leadNumber(message.leadId);
  const existing = statements
    .get('SELECT n, lead_n FROM messages WHERE id = ?')
    .get(message.id) as { n: number; lead_n: number } | undefined;
  if (existing && existing.lead_n === leadN) {
    statements.get(UPDATE_MESSAGE).run(message.createdAt, message.status, body, doc, existing.n);
    return;
  }
  // A message that moved to another lead changes rowid: the rowid says whose it is.
  if (existing) statements.get('DELETE FROM messages WHERE n = ?').run(existing.n);
  const n = numbering.nextMessageNumber(leadN, message.leadId);
  statements
    .get(INSERT_MESSAGE)
    .run(n, message.id, leadN, message.createdAt, message.status, body, doc);
}

export function deleteMessage(statements: Statements, messageId: string): void {
  statements.get('DELETE FROM messages WHERE id = ?').run(messageId);
}

export function messageFromRow(row: { body: string; doc: string }): Message {
  return { ...(JSON.parse(row.doc) as Omit<Message, 'body'>), body: row.body };
}
