import type { LeadPerson } from '../../src-shared/presence/lead-activity';
import type { Db, Queryable, Tx } from '../db/db';
import { announceLeads, announceTakenOver } from './announce';
import { setHolder, settleLock, takeLeadTurns } from './lead-turns';

/** One live socket in a tenant: the unit that is in a lead (a person may have several). */
export interface Viewer {
  connectionId: string;
  tenantId: string;
  userId: string;
}

export interface LeadRef {
  leadId: string;
  storeId: string;
}

/** The lead this socket is in, as committed. */
function currentLead(q: Queryable, connectionId: string): Promise<LeadRef | undefined> {
  return q
    .query<LeadRef>(
      `SELECT lead_id AS "leadId", store_id AS "storeId" FROM lead_viewers
       WHERE connection_id = $1`,
      [connectionId],
    )
    .then((rows) => rows[0]);
}

/** The store of a lead of this tenant, or null when there is no such lead (or it was deleted). */
export async function storeOfLead(
  q: Queryable,
  tenantId: string,
  leadId: string,
): Promise<string | null> {
  const [lead] = await q.query<{ store_id: string | null }>(
    'SELECT store_id FROM leads WHERE tenant_id = $1 AND id = $2 AND NOT deleted',
    [tenantId, leadId],
  );
  return lead?.store_id ?? null;
}

/**
 * The socket is in `lead` from now (leaving the lead it was in): the first one in gets the
 * lock. With `takeOver` (a manager, checked by the caller) the lock moves to this user, and
 * the former holder's desks are told. Everyone who may see either lead hears its new state.
 */
export function enterLead(
  db: Db,
  viewer: Viewer,
  lead: LeadRef,
  now: number,
  takeOver: LeadPerson | null = null,
): Promise<void> {
  return db.transaction(async (tx) => {
    const before = await currentLead(tx, viewer.connectionId);
    await takeLeadTurns(tx, viewer.tenantId, [lead.leadId, ...(before ? [before.leadId] : [])]);
    const changed: LeadRef[] = [];
    if (before && before.leadId !== lead.leadId) {
      await tx.query('DELETE FROM lead_viewers WHERE connection_id = $1', [viewer.connectionId]);
      await settleLock(tx, viewer.tenantId, before.leadId, now);
      changed.push(before);
    }
    const arrived = await addViewer(tx, viewer, lead, now);
    let lockMoved = await settleLock(tx, viewer.tenantId, lead.leadId, now);
    if (takeOver) lockMoved = (await takeLock(tx, viewer, lead, now, takeOver)) || lockMoved;
    if (arrived || lockMoved) changed.push(lead);
    await announceLeads(tx, viewer.tenantId, changed);
  });
}

/** Inserts the socket's view, or renews it; answers whether it is new. */
async function addViewer(tx: Tx, viewer: Viewer, lead: LeadRef, now: number): Promise<boolean> {
  const renewed = await tx.query(
    `UPDATE lead_viewers SET renewed_at = GREATEST(renewed_at, $3)
     WHERE connection_id = $1 AND lead_id = $2 RETURNING lead_id`,
    [viewer.connectionId, lead.leadId, now],
  );
  if (renewed.length > 0) return false;
  await tx.query(
    `INSERT INTO lead_viewers
       (connection_id, tenant_id, lead_id, user_id, store_id, opened_at, renewed_at, typing_at)
     VALUES ($1, $2, $3, $4, $5, $6, $6, NULL)`,
    [viewer.connectionId, viewer.tenantId, lead.leadId, viewer.userId, lead.storeId, now],
  );
  return true;
}

/** A manager's take-over: the lock is theirs; answers whether it moved. */
async function takeLock(
  tx: Tx,
  viewer: Viewer,
  lead: LeadRef,
  now: number,
  by: LeadPerson,
): Promise<boolean> {
  const [lock] = await tx.query<{ user_id: string }>(
    'SELECT user_id FROM lead_locks WHERE tenant_id = $1 AND lead_id = $2',
    [viewer.tenantId, lead.leadId],
  );
  if (lock?.user_id === viewer.userId) return false;
  await setHolder(tx, viewer.tenantId, lead.leadId, lead.storeId, viewer.userId, now);
  if (lock) await announceTakenOver(tx, viewer.tenantId, lock.user_id, lead.leadId, by);
  return true;
}

/** The socket is in no lead any more (it left, closed, went idle). */
export function leaveLead(db: Db, viewer: Viewer, now: number): Promise<void> {
  return db.transaction(async (tx) => {
    const before = await currentLead(tx, viewer.connectionId);
    if (!before) return;
    await takeLeadTurns(tx, viewer.tenantId, [before.leadId]);
    const gone = await tx.query<LeadRef>(
      `DELETE FROM lead_viewers WHERE connection_id = $1
       RETURNING lead_id AS "leadId", store_id AS "storeId"`,
      [viewer.connectionId],
    );
    // Lapsed meanwhile (another process's sweeper): already settled and announced.
    if (gone.length === 0) return;
    await settleLock(tx, viewer.tenantId, before.leadId, now);
    await announceLeads(tx, viewer.tenantId, [before]);
  });
}

/**
 * "Still here": the cheap renewal, one UPDATE and nothing announced. False when the socket is
 * not in that lead any more (its view lapsed): the caller enters it again.
 */
export async function renewView(
  db: Db,
  viewer: Viewer,
  leadId: string,
  now: number,
): Promise<boolean> {
  const rows = await db.query(
    `UPDATE lead_viewers SET renewed_at = GREATEST(renewed_at, $3)
     WHERE connection_id = $1 AND lead_id = $2 RETURNING lead_id`,
    [viewer.connectionId, leadId, now],
  );
  return rows.length > 0;
}

/**
 * Typing started (or goes on) or stopped in the lead this socket is in; announced only when it
 * starts or stops. Nothing happens for a lead the socket is not in.
 */
export function setTyping(
  db: Db,
  viewer: Viewer,
  leadId: string,
  typing: boolean,
  now: number,
): Promise<void> {
  return db.transaction(async (tx) => {
    await takeLeadTurns(tx, viewer.tenantId, [leadId]);
    const [row] = await tx.query<{ typing: boolean; storeId: string }>(
      `SELECT typing_at IS NOT NULL AS typing, store_id AS "storeId" FROM lead_viewers
       WHERE connection_id = $1 AND lead_id = $2`,
      [viewer.connectionId, leadId],
    );
    if (!row) return;
    await tx.query(
      `UPDATE lead_viewers SET typing_at = $3, renewed_at = GREATEST(renewed_at, $4)
       WHERE connection_id = $1 AND lead_id = $2`,
      [viewer.connectionId, leadId, typing ? now : null, now],
    );
    if (row.typing !== typing)
      await announceLeads(tx, viewer.tenantId, [{ leadId, storeId: row.storeId }]);
  });
}
