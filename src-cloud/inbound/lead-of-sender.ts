import type { Channel } from '../../src-shared/domain/conversation';
import { blankLead, type Lead } from '../../src-shared/domain/lead';
import type { LeadSource } from '../../src-shared/domain/lead-status';
import type { Tx } from '../db/db';

/** Who wrote, as the inbound request names them, the phone already in E.164. */
export interface Sender {
  phone: string | null;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
}

/** The source a new lead gets when the request does not say. */
export const SOURCE_BY_CHANNEL: Record<Exclude<Channel, 'voice'>, LeadSource> = {
  sms: 'Text',
  chat: 'Chat',
  email: 'Email',
  messenger: 'Facebook',
};

/**
 * The store's lead this sender already is: by phone first (the number a text comes from is
 * the surest), else by email, case-insensitively; the most recently changed one when several
 * match. Only this store's leads: the same person at a sister store is that store's lead.
 */
export async function findLead(
  tx: Tx,
  tenantId: string,
  storeId: string,
  sender: Sender,
): Promise<Lead | null> {
  const matches = async (condition: string, value: string) => {
    const [found] = await tx.query<{ row: Lead }>(
      `SELECT row FROM leads WHERE tenant_id = $1 AND store_id = $2 AND NOT deleted
         AND ${condition} ORDER BY version DESC LIMIT 1`,
      [tenantId, storeId, value],
    );
    return found?.row ?? null;
  };
  const byPhone = sender.phone
    ? await matches(`row -> 'phones' @> $3::jsonb`, JSON.stringify([{ number: sender.phone }]))
    : null;
  if (byPhone) return byPhone;
  return sender.email ? matches(`lower(row ->> 'email') = lower($3)`, sender.email) : null;
}

/** A lead nobody knew: New, unassigned, "Unknown" until the request gives a name. */
export function newLead(
  ids: { id: string; tenantId: string; storeId: string },
  sender: Sender,
  source: LeadSource,
  now: number,
): Lead {
  return {
    ...blankLead({ ...ids, source }, now),
    firstName: sender.firstName,
    lastName: sender.lastName,
    phones: sender.phone ? [{ number: sender.phone, type: 'mobile' }] : [],
    email: sender.email,
  };
}

/** What the sender told us that the lead did not know yet; never overwrites what it knew. */
export function fillGaps(lead: Lead, sender: Sender): Partial<Lead> {
  const known = lead.firstName !== null || lead.lastName !== null;
  return {
    ...(!known && (sender.firstName || sender.lastName)
      ? { firstName: sender.firstName, lastName: sender.lastName }
      : {}),
    ...(lead.email === null && sender.email ? { email: sender.email } : {}),
    ...(lead.phones.length === 0 && sender.phone
      ? { phones: [{ number: sender.phone, type: 'mobile' as const }] }
      : {}),
  };
}
