import {
  LEAD_VIEWERS_LISTED,
  type LeadActivity,
  type LeadViewer,
} from '../../src-shared/presence/lead-activity';
import type { Queryable } from '../db/db';

interface ViewerRow {
  leadId: string;
  storeId: string;
  userId: string;
  name: string;
  typing: boolean;
}
interface LockRow {
  leadId: string;
  storeId: string;
  userId: string;
  name: string;
  since: number;
}

/** A name as the frames carry it: short enough that a NOTIFY payload stays small. */
const NAME = `left(coalesce(u.row ->> 'name', ''), 100)`;

/**
 * The state of these leads of one tenant as committed now: every lead asked for is answered,
 * one with nobody in it as lock null and no viewers (in `storeIds`' store, which the caller
 * knows: the row that was just deleted named it).
 */
export async function readLeadActivity(
  q: Queryable,
  tenantId: string,
  leads: readonly { leadId: string; storeId: string }[],
): Promise<LeadActivity[]> {
  const ids = leads.map((lead) => lead.leadId);
  const found = await readWhere(q, tenantId, ids);
  return leads.map(
    (lead) =>
      found.get(lead.leadId) ?? {
        leadId: lead.leadId,
        storeId: lead.storeId,
        lock: null,
        viewers: [],
      },
  );
}

/** Every lead of the tenant someone is in (the snapshot a live socket gets on connect). */
export async function tenantLeadActivity(q: Queryable, tenantId: string): Promise<LeadActivity[]> {
  return [...(await readWhere(q, tenantId, null)).values()];
}

/** The leads of `leadIds`, or (null) every lead of the tenant someone is in. */
async function readWhere(
  q: Queryable,
  tenantId: string,
  leadIds: string[] | null,
): Promise<Map<string, LeadActivity>> {
  const only = (alias: string) => (leadIds ? `AND ${alias}.lead_id = ANY($2::text[])` : '');
  const params = leadIds ? [tenantId, leadIds] : [tenantId];
  const viewers = await q.query<ViewerRow>(
    `SELECT v.lead_id AS "leadId", v.store_id AS "storeId", v.user_id AS "userId",
            ${NAME} AS name, v.typing_at IS NOT NULL AS typing
     FROM lead_viewers v
     LEFT JOIN users u ON u.tenant_id = v.tenant_id AND u.id = v.user_id
     WHERE v.tenant_id = $1 ${only('v')}
     ORDER BY v.lead_id, v.arrival`,
    params,
  );
  const locks = await q.query<LockRow>(
    `SELECT l.lead_id AS "leadId", l.store_id AS "storeId", l.user_id AS "userId",
            ${NAME} AS name, l.since
     FROM lead_locks l
     LEFT JOIN users u ON u.tenant_id = l.tenant_id AND u.id = l.user_id
     WHERE l.tenant_id = $1 ${only('l')}`,
    params,
  );
  const byLead = new Map<string, LeadActivity>();
  const entry = (leadId: string, storeId: string): LeadActivity => {
    let activity = byLead.get(leadId);
    if (!activity) byLead.set(leadId, (activity = { leadId, storeId, lock: null, viewers: [] }));
    return activity;
  };
  for (const row of viewers) addViewer(entry(row.leadId, row.storeId).viewers, row);
  for (const { leadId, storeId, userId, name, since } of locks)
    entry(leadId, storeId).lock = { userId, name, since };
  return byLead;
}

/** One entry per person: someone with the lead open on two desks is typing if either is. */
function addViewer(viewers: LeadViewer[], row: ViewerRow): void {
  const same = viewers.find((viewer) => viewer.userId === row.userId);
  if (same) same.typing ||= row.typing;
  else if (viewers.length < LEAD_VIEWERS_LISTED)
    viewers.push({ userId: row.userId, name: row.name, typing: row.typing });
}
