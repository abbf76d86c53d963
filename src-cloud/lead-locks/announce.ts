import type { LeadPerson } from '../../src-shared/presence/lead-activity';
import type { Tx } from '../db/db';
import { publish } from '../live/bus';
import { readLeadActivity } from './read-activity';

/**
 * Tells every desk of the tenant that may see the lead's store its whole state, once `tx`
 * commits. Called under the lead's turn, so what is read is the state this change left.
 */
export async function announceLeads(
  tx: Tx,
  tenantId: string,
  leads: readonly { leadId: string; storeId: string }[],
): Promise<void> {
  for (const lead of await readLeadActivity(tx, tenantId, leads))
    await publish(tx, { type: 'lead-activity', tenantId, lead });
}

/** Tells the former holder's desks that a manager took their lead over. */
export async function announceTakenOver(
  tx: Tx,
  tenantId: string,
  formerUserId: string,
  leadId: string,
  by: LeadPerson,
): Promise<void> {
  await publish(tx, {
    type: 'lead-taken-over',
    tenantId,
    userIds: [formerUserId],
    leadId,
    by,
  });
}
