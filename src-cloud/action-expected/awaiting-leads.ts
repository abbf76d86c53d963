import type { Lead } from '../../src-shared/domain/lead';
import type { Queryable } from '../db/db';

/** The most conversations one report lists; the rest are counted. */
export const REPORT_MAX_ROWS = 500;

export interface AwaitingLead {
  lead: Lead;
  /** The assigned agent's name; null when unassigned (or the user is gone). */
  agentName: string | null;
}

/**
 * The store's leads whose customer awaits a reply, longest waiting first: the Awaiting Response
 * folder (src-shared/folders: awaitingSince set) less the Dead (opted out: nobody may answer
 * them) and the Done (closed by a dealer or agent).
 */
export async function awaitingLeads(
  db: Queryable,
  tenantId: string,
  storeId: string,
): Promise<{ rows: AwaitingLead[]; total: number }> {
  const found = await db.query<{ lead: Lead; agent_name: string | null; total: number }>(
    `SELECT l.row AS lead, u.row ->> 'name' AS agent_name, count(*) OVER () AS total
     FROM leads l
     LEFT JOIN users u
       ON u.tenant_id = l.tenant_id AND u.id = l.row ->> 'assignedUserId' AND NOT u.deleted
     WHERE l.tenant_id = $1 AND l.store_id = $2 AND NOT l.deleted
       AND l.row ->> 'awaitingSince' IS NOT NULL
       AND l.row ->> 'doneAt' IS NULL
       AND l.row ->> 'status' <> 'dead'
       AND l.row ->> 'optedOut' <> 'true'
     ORDER BY (l.row ->> 'awaitingSince')::bigint, l.id
     LIMIT ${REPORT_MAX_ROWS}`,
    [tenantId, storeId],
  );
  return {
    rows: found.map((row) => ({ lead: row.lead, agentName: row.agent_name })),
    total: Number(found[0]?.total ?? 0),
  };
}
