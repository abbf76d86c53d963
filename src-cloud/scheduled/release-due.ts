import type { Lead } from '../../src-shared/domain/lead';
import { messagePreview } from '../../src-shared/domain/message-preview';
import type { Message } from '../../src-shared/domain/conversation';
import type { Store } from '../../src-shared/domain/tenant';
import type { Db, Tx } from '../db/db';
import type { SyncWriter } from '../sync/writer';
import { writeInTenant } from '../sync/tenant-write';
import { releaseDecision } from './release-decision';

/** How many due texts of one tenant one transaction takes; a backlog takes several rounds. */
export const RELEASE_BATCH = 100;

/** What one round did, for the log and the tests. */
export interface ReleaseCounts {
  queued: number;
  optedOut: number;
  postponed: number;
}

/**
 * The tenants with a text due. No lock: each tenant's texts are then claimed in its own
 * transaction. (A partial index on scheduled messages would spare this scan on a big table.)
 */
export async function tenantsWithDueTexts(db: Db, now: number): Promise<string[]> {
  const rows = await db.query<{ tenant_id: string }>(
    `SELECT DISTINCT tenant_id FROM messages
     WHERE NOT deleted AND row ->> 'status' = 'scheduled'
       AND (row ->> 'scheduledAt')::bigint <= $1`,
    [now],
  );
  return rows.map((row) => row.tenant_id);
}

/**
 * Releases a tenant's due scheduled texts: queued for the sender, failed as opted out, or
 * moved to the customer's next allowed minute. One transaction under the tenant's write lock
 * (taken first, as mutations take it, so the two never wait on each other in opposite orders);
 * the texts are claimed with FOR UPDATE SKIP LOCKED, so a second cloud process on the same
 * database passes over what this one holds and no text is released twice.
 */
export function releaseDueInTenant(
  db: Db,
  tenantId: string,
  now: number,
): Promise<ReleaseCounts & { claimed: number }> {
  return writeInTenant(db, tenantId, async (tx, write) => {
    const due = await claimDue(tx, tenantId, now);
    const counts = { queued: 0, optedOut: 0, postponed: 0, claimed: due.length };
    for (const { message, lead, store } of due) {
      const decision = releaseDecision(now, lead, store);
      switch (decision.kind) {
        case 'queue':
          await write.update('messages', { ...message, status: 'queued' });
          await touchLead(write, lead, message, now);
          counts.queued += 1;
          break;
        case 'opted-out':
          await write.update('messages', { ...message, status: 'failed', errorCode: 'opted_out' });
          counts.optedOut += 1;
          break;
        case 'wait':
          await write.update('messages', { ...message, scheduledAt: decision.until });
          counts.postponed += 1;
          break;
        default:
          throw new Error(`unknown release decision ${JSON.stringify(decision satisfies never)}`);
      }
    }
    return counts;
  });
}

interface DueText {
  message: Message;
  lead: Lead;
  store: Store;
}

/** Due texts on the sms channel, oldest first, locked for this transaction. */
async function claimDue(tx: Tx, tenantId: string, now: number): Promise<DueText[]> {
  return tx.query<DueText>(
    `SELECT m.row AS message, l.row AS lead, s.row AS store
     FROM messages m
     JOIN conversations c ON c.tenant_id = m.tenant_id AND c.id = m.row ->> 'conversationId'
     JOIN leads l ON l.tenant_id = m.tenant_id AND l.id = m.row ->> 'leadId'
     JOIN stores s ON s.tenant_id = m.tenant_id AND s.id = l.row ->> 'storeId'
     WHERE m.tenant_id = $1 AND NOT m.deleted AND NOT c.deleted AND NOT l.deleted
       AND m.row ->> 'status' = 'scheduled' AND (m.row ->> 'scheduledAt')::bigint <= $2
       AND c.row ->> 'channel' = 'sms'
     ORDER BY (m.row ->> 'scheduledAt')::bigint, m.id
     LIMIT ${RELEASE_BATCH}
     FOR UPDATE OF m SKIP LOCKED`,
    [tenantId, now],
  );
}

/** The thread moves up the queue as a sent text moves it: the text goes out now. */
async function touchLead(write: SyncWriter, lead: Lead, message: Message, now: number) {
  await write.update('leads', {
    ...lead,
    lastMessageAt: now,
    lastMessagePreview: messagePreview(message),
    lastChannel: 'sms',
    updatedAt: now,
  });
}
