import type { Tx } from '../db/db';

/** Any constant: the first key of the advisory locks on leads (migrate.ts uses 7_400_001). */
const LEAD_LOCK_SPACE = 7_400_002;

/**
 * Takes, for the rest of `tx`, the advisory lock of each lead: every change to who is in a
 * lead, in any cloud process, runs under it, so two openers take turns (the first wins) and
 * each announces the state after its own change, in commit order. Several leads are taken in
 * one order everywhere, so two transactions never wait on each other in a cycle. A hash
 * collision only makes two leads take turns.
 */
export async function takeLeadTurns(tx: Tx, tenantId: string, leadIds: readonly string[]) {
  for (const leadId of [...new Set(leadIds)].sort()) {
    await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
      LEAD_LOCK_SPACE,
      `${tenantId}/${leadId}`,
    ]);
  }
}

/**
 * After viewers came or went: the lock stays with its holder while they are still in the lead;
 * otherwise it passes to whoever has been in it longest, or goes when nobody is left. Answers
 * whether the holder changed. Call under the lead's turn.
 */
export async function settleLock(
  tx: Tx,
  tenantId: string,
  leadId: string,
  now: number,
): Promise<boolean> {
  const [lock] = await tx.query<{ user_id: string }>(
    'SELECT user_id FROM lead_locks WHERE tenant_id = $1 AND lead_id = $2',
    [tenantId, leadId],
  );
  const viewers = await tx.query<{ user_id: string; store_id: string }>(
    `SELECT user_id, store_id FROM lead_viewers WHERE tenant_id = $1 AND lead_id = $2
     ORDER BY arrival`,
    [tenantId, leadId],
  );
  if (lock && viewers.some((viewer) => viewer.user_id === lock.user_id)) return false;
  const first = viewers[0];
  if (!first) {
    if (!lock) return false;
    await tx.query('DELETE FROM lead_locks WHERE tenant_id = $1 AND lead_id = $2', [
      tenantId,
      leadId,
    ]);
    return true;
  }
  await setHolder(tx, tenantId, leadId, first.store_id, first.user_id, now);
  return true;
}

/** Gives the lock to this user from now (a take-over, or the lock passing on). */
export async function setHolder(
  tx: Tx,
  tenantId: string,
  leadId: string,
  storeId: string,
  userId: string,
  now: number,
): Promise<void> {
  await tx.query(
    `INSERT INTO lead_locks (tenant_id, lead_id, store_id, user_id, since)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (tenant_id, lead_id) DO UPDATE SET
       store_id = EXCLUDED.store_id, user_id = EXCLUDED.user_id, since = EXCLUDED.since`,
    [tenantId, leadId, storeId, userId, now],
  );
}
