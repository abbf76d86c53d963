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
 *
 * Plans are what it costs: planned anew for every text, the statement cost more to plan than
 * to run. So PostgreSQL must be able to keep one plan per statement, which it does only when no
 * value would change it:
 * - The statement is spelled for what the sender gave (phone, email, a provider id), not with
 *   `$n IS NOT NULL` branches that a known null folds away (which made every text re-planned).
 * - `same_phone` is fenced (OFFSET 0), so the tenant and store conditions stay outside it: the
 *   phone index is the only way in, whatever the statistics say (a fresh table looked small,
 *   and the plan walked the tenant's every lead).
 * - The phone and email are read through `(SELECT $n)`: the planner then estimates the
 *   lookup without the value, the same for every text, so the plan it keeps is never costed
 *   above the ones it would make afresh (it was: nine leads for one number, 82 for any).
 */
function senderThreadSql(has: { phone: boolean; email: boolean; providerId: boolean }): string {
  // $1 tenant, $2 store, $3 channel, then what the sender gave, in this order.
  const given = [has.phone, has.email, has.providerId];
  const number = (i: number) => 4 + given.slice(0, i).filter(Boolean).length;
  const phone = has.phone ? `$${number(0)}::jsonb` : null;
  const email = has.email ? `$${number(1)}::text` : null;
  const providerId = has.providerId ? `$${number(2)}::text` : null;
  const byPhone = `SELECT id, row FROM (
      SELECT id, row, tenant_id, store_id, deleted, version FROM leads
      WHERE row -> 'phones' @> (SELECT ${phone}) OFFSET 0
    ) AS same_phone WHERE tenant_id = $1 AND store_id = $2 AND NOT deleted
    ORDER BY version DESC LIMIT 1`;
  const byEmail = (unlessPhone: boolean) => `SELECT id, row FROM leads
    WHERE tenant_id = $1 AND store_id = $2 AND NOT deleted
      AND lower(row ->> 'email') = (SELECT lower(${email}))
      ${unlessPhone ? 'AND NOT EXISTS (SELECT 1 FROM by_phone)' : ''}
    ORDER BY version DESC LIMIT 1`;
  const lead =
    phone && email
      ? `by_phone AS (${byPhone}), by_email AS (${byEmail(true)}),
         lead AS (SELECT id, row FROM by_phone UNION ALL SELECT id, row FROM by_email)`
      : phone
        ? `lead AS (${byPhone})`
        : email
          ? `lead AS (${byEmail(false)})`
          : // Nobody to look for; $2 still named, as every statement must use its parameters.
            `lead AS (SELECT id, row FROM leads WHERE tenant_id = $1 AND store_id = $2 AND false)`;
  const known = providerId
    ? `EXISTS (SELECT 1 FROM messages WHERE tenant_id = $1 AND row ->> 'direction' = 'in'
         AND row ->> 'providerId' = ${providerId})`
    : 'false';
  return `WITH ${lead}
SELECT ${known} AS known,
  lead.row AS lead, conversation.row AS conversation, COALESCE(steps.rows, '[]') AS steps
FROM (SELECT 1) AS one
LEFT JOIN lead ON true
LEFT JOIN LATERAL (
  SELECT row FROM conversations
  WHERE tenant_id = $1 AND lead_id = lead.id AND NOT deleted AND row ->> 'channel' = $3::text
  ORDER BY version LIMIT 1
) AS conversation ON true
LEFT JOIN LATERAL (
  SELECT json_agg(row ORDER BY id) AS rows FROM messages
  WHERE tenant_id = $1 AND lead_id = lead.id AND NOT deleted
    AND row ->> 'status' = 'scheduled' AND row ->> 'funnelId' IS NOT NULL
) AS steps ON true`;
}

/** The eight spellings, each made once. */
const spellings = new Map<string, string>();

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
  const has = { phone: !!sender.phone, email: !!sender.email, providerId: providerId !== null };
  const key = `${has.phone} ${has.email} ${has.providerId}`;
  let sql = spellings.get(key);
  if (!sql) spellings.set(key, (sql = senderThreadSql(has)));
  const params: unknown[] = [tenantId, storeId, channel];
  if (has.phone) params.push(JSON.stringify([{ number: sender.phone }]));
  if (has.email) params.push(sender.email);
  if (has.providerId) params.push(providerId);
  const [found] = await tx.query<{
    known: boolean;
    lead: Lead | null;
    conversation: Conversation | null;
    steps: Message[];
  }>(sql, params);
  return {
    known: found?.known ?? false,
    lead: found?.lead ?? null,
    conversation: found?.lead ? (found.conversation ?? null) : null,
    scheduledSteps: found?.lead ? (found.steps ?? []) : [],
  };
}
