import type { Channel, Conversation, Message } from '../../src-shared/domain/conversation';
import type { Lead } from '../../src-shared/domain/lead';
import type { Tx } from '../db/db';
import type { Sender } from './lead-of-sender';

/** What a customer's message needs to know before anything is written, read in one go. */
export interface SenderThread {
  /** A message with this provider id arrived before (a redelivered webhook). */
  known: boolean;
  /** The store's lead this sender already is (as `findLead` finds it), or null. */
  lead: Lead | null;
  /** That lead's conversation on the channel, or null. */
  conversation: Conversation | null;
  /** That lead's funnel steps still scheduled, by id (what `pauseFunnels` takes out). */
  scheduledSteps: Message[];
}

/**
 * One statement for what receiveMessage used to ask in four (redelivery, lead, conversation,
 * scheduled funnel steps): it runs under the tenant's write lock, and every round trip there
 * is one that every other text of the dealer group waits for. Same rules as the single
 * questions: the lead by phone first, else by email case-insensitively, this store's only, the
 * most recently changed; the conversation the oldest of the channel.
 */
const SENDER_THREAD = `
WITH by_phone AS (
  SELECT id, row FROM leads
  WHERE tenant_id = $1 AND store_id = $2 AND NOT deleted AND $4::jsonb IS NOT NULL
    AND row -> 'phones' @> $4::jsonb
  ORDER BY version DESC LIMIT 1
), by_email AS (
  SELECT id, row FROM leads
  WHERE tenant_id = $1 AND store_id = $2 AND NOT deleted AND $5::text IS NOT NULL
    AND lower(row ->> 'email') = lower($5::text) AND NOT EXISTS (SELECT 1 FROM by_phone)
  ORDER BY version DESC LIMIT 1
), lead AS (
  SELECT id, row FROM by_phone UNION ALL SELECT id, row FROM by_email
)
SELECT
  EXISTS (SELECT 1 FROM messages WHERE tenant_id = $1 AND row ->> 'direction' = 'in'
          AND row ->> 'providerId' = $3::text) AS known,
  lead.row AS lead, conversation.row AS conversation, COALESCE(steps.rows, '[]') AS steps
FROM (SELECT 1) AS one
LEFT JOIN lead ON true
LEFT JOIN LATERAL (
  SELECT row FROM conversations
  WHERE tenant_id = $1 AND lead_id = lead.id AND NOT deleted AND row ->> 'channel' = $6::text
  ORDER BY version LIMIT 1
) AS conversation ON true
LEFT JOIN LATERAL (
  SELECT json_agg(row ORDER BY id) AS rows FROM messages
  WHERE tenant_id = $1 AND lead_id = lead.id AND NOT deleted
    AND row ->> 'status' = 'scheduled' AND row ->> 'funnelId' IS NOT NULL
) AS steps ON true`;

export async function senderThread(
  tx: Tx,
  where: {
    tenantId: string;
    storeId: string;
    sender: Sender;
    channel: Channel;
    providerId: string | null;
  },
): Promise<SenderThread> {
  const { tenantId, storeId, sender, channel, providerId } = where;
  const [found] = await tx.query<{
    known: boolean;
    lead: Lead | null;
    conversation: Conversation | null;
    steps: Message[];
  }>(SENDER_THREAD, [
    tenantId,
    storeId,
    providerId,
    sender.phone ? JSON.stringify([{ number: sender.phone }]) : null,
    sender.email,
    channel,
  ]);
  return {
    known: found?.known ?? false,
    lead: found?.lead ?? null,
    conversation: found?.lead ? (found.conversation ?? null) : null,
    scheduledSteps: found?.lead ? (found.steps ?? []) : [],
  };
}
