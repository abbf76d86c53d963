import type { Tx } from '../db/db';
import { LEAD_CHILD_TABLES } from './scope';

/**
 * A lead that changes store takes its thread along: every conversation, message, timeline
 * event and appointment gets the new store and a fresh version. The new store's agents pull the
 * whole thread (their cursor is past those rows' old versions), and the old store's agents pull
 * deletes for it (the rows remember the store they left). Called by the writer after it
 * updated the lead row itself.
 */
export async function moveLeadThread(tx: Tx, tenantId: string, leadId: string): Promise<void> {
  for (const table of LEAD_CHILD_TABLES) {
    await tx.query(
      `WITH lead AS (SELECT store_id FROM leads WHERE tenant_id = $1 AND id = $2),
       moving AS (
         SELECT id, row_number() OVER (ORDER BY version) AS n, count(*) OVER () AS total
         FROM ${table} WHERE tenant_id = $1 AND lead_id = $2),
       tick AS (
         UPDATE tenants SET clock = clock + (SELECT count(*) FROM moving) WHERE id = $1
         RETURNING clock)
       UPDATE ${table} t SET
         version = tick.clock - moving.total + moving.n,
         store_id = lead.store_id,
         former_store_ids = array_remove(
           CASE WHEN t.store_id IS NOT NULL AND NOT t.store_id = ANY(t.former_store_ids)
                THEN array_append(t.former_store_ids, t.store_id) ELSE t.former_store_ids END,
           lead.store_id)
       FROM moving, tick, lead WHERE t.tenant_id = $1 AND t.id = moving.id`,
      [tenantId, leadId],
    );
  }
}
