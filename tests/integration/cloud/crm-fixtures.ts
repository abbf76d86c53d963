import { simpleParser, type ParsedMail } from 'mailparser';
import { v7 as uuidv7 } from 'uuid';
import type { Channel, Conversation, Message } from '../../../src-shared/domain/conversation';
import type { Lead } from '../../../src-shared/domain/lead';
import type { Store } from '../../../src-shared/domain/tenant';
import type { Db } from '../../../src-cloud/db/db';
import { loadChanges } from '../../../src-cloud/sync/load-changes';
import { lockTenant, pokeOnCommit } from '../../../src-cloud/sync/tenant-write';
import type { MutationResult } from '../../../src-shared/sync/protocol';
import type { ReceivedMail } from './harness/smtp';

/**
 * Saves a store's settings as a manager would have (a fixture, not through a route), poking
 * the tenant's desktops so they pull it.
 */
export async function saveStore(db: Db, store: Store): Promise<void> {
  await db.transaction(async (tx) => {
    await lockTenant(tx, store.tenantId);
    await loadChanges(tx, store.tenantId, [{ table: 'stores', op: 'upsert', row: store }]);
    await pokeOnCommit(tx, store.tenantId);
  });
}

/** A conversation of `lead` on `channel` with these messages, a minute apart, oldest first. */
export async function addConversation(
  db: Db,
  lead: Lead,
  channel: Channel,
  messages: { direction: 'in' | 'out'; body: string; authorUserId?: string }[],
): Promise<Message[]> {
  const conversation: Conversation = {
    id: uuidv7(),
    tenantId: lead.tenantId,
    leadId: lead.id,
    channel,
    createdAt: Date.now() - 3_600_000,
  };
  const rows: Message[] = messages.map((m, i) => ({
    id: uuidv7(),
    tenantId: lead.tenantId,
    leadId: lead.id,
    conversationId: conversation.id,
    direction: m.direction,
    authorUserId: m.authorUserId ?? null,
    body: m.body,
    media: [],
    status: m.direction === 'in' ? 'received' : 'delivered',
    errorCode: null,
    providerId: null,
    scheduledAt: null,
    createdAt: conversation.createdAt + (i + 1) * 60_000,
  }));
  await db.transaction(async (tx) => {
    await lockTenant(tx, lead.tenantId);
    await loadChanges(tx, lead.tenantId, [
      { table: 'conversations', op: 'upsert', row: conversation },
      ...rows.map((row) => ({ table: 'messages' as const, op: 'upsert' as const, row })),
    ]);
  });
  return rows;
}

export interface OutboxRow {
  id: string;
  kind: string;
  recipients: string[];
  subject: string;
  body: string;
  status: string;
  attempts: number;
  last_error: string | null;
}

export function outboxOf(db: Db, leadId: string): Promise<OutboxRow[]> {
  return db.query<OutboxRow>(
    `SELECT id, kind, recipients, subject, body, status, attempts, last_error
     FROM email_outbox WHERE lead_id = $1 ORDER BY created_at, id`,
    [leadId],
  );
}

/** Polls the database until `check` holds (rows written by another process or a worker). */
export async function waitFor<T>(read: () => Promise<T>, check: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export function parseMail(mail: ReceivedMail): Promise<ParsedMail> {
  return simpleParser(mail.raw);
}

/** The words of a rejected mutation (undefined when it was not rejected). */
export function rejectionMessage(result: MutationResult | undefined): string | undefined {
  return result?.status === 'rejected' ? result.message : undefined;
}
