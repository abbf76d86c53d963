import { LEAD_TYPING_LAPSE_MS, LEAD_VIEW_LAPSE_MS } from '../../src-shared/presence/lead-activity';
import type { Db } from '../db/db';
import { sweepEvery } from '../jobs/every';
import type { CloudServices } from '../services';
import { announceLeads } from './announce';
import type { LeadRef } from './lead-views';
import { settleLock, takeLeadTurns } from './lead-turns';

/** How often each cloud process looks for lapsed views and typing. */
export const LEAD_SWEEP_EVERY_MS = 2_000;
/** Leads looked at per sweep round; a round that finds this many goes again at once. */
const BATCH = 200;

/**
 * Views not renewed for LEAD_VIEW_LAPSE_MS lapse (a desk that stopped saying it is there, a
 * cloud process that died with its sockets) and typing not said again for LEAD_TYPING_LAPSE_MS
 * stops; the locks settle and the leads are announced. One short transaction per lead, under
 * its turn, so every process may sweep at once: the second finds nothing left to do.
 * Answers how many leads changed.
 */
export async function sweepLeadViews(db: Db, now: number): Promise<number> {
  const viewCutoff = now - LEAD_VIEW_LAPSE_MS;
  const typingCutoff = now - LEAD_TYPING_LAPSE_MS;
  let changed = 0;
  for (;;) {
    const leads = await db.query<{ tenantId: string; leadId: string }>(
      `SELECT DISTINCT tenant_id AS "tenantId", lead_id AS "leadId" FROM lead_viewers
       WHERE renewed_at < $1 OR typing_at < $2 LIMIT $3`,
      [viewCutoff, typingCutoff, BATCH],
    );
    for (const { tenantId, leadId } of leads) {
      const swept = await db.transaction(async (tx) => {
        await takeLeadTurns(tx, tenantId, [leadId]);
        const lapsed = await tx.query<LeadRef>(
          `DELETE FROM lead_viewers WHERE tenant_id = $1 AND lead_id = $2 AND renewed_at < $3
           RETURNING lead_id AS "leadId", store_id AS "storeId"`,
          [tenantId, leadId, viewCutoff],
        );
        const quiet = await tx.query<LeadRef>(
          `UPDATE lead_viewers SET typing_at = NULL
           WHERE tenant_id = $1 AND lead_id = $2 AND typing_at < $3
           RETURNING lead_id AS "leadId", store_id AS "storeId"`,
          [tenantId, leadId, typingCutoff],
        );
        const lead = lapsed[0] ?? quiet[0];
        if (!lead) return false;
        await settleLock(tx, tenantId, leadId, now);
        await announceLeads(tx, tenantId, [lead]);
        return true;
      });
      if (swept) changed++;
    }
    if (leads.length < BATCH) return changed;
  }
}

/** Sweeps every `everyMs` in this process until stopped (see sweepEvery). */
export function startLeadViewSweeper(
  services: Pick<CloudServices, 'db' | 'now' | 'log'>,
  everyMs = LEAD_SWEEP_EVERY_MS,
): () => Promise<void> {
  return sweepEvery(
    everyMs,
    () => sweepLeadViews(services.db, services.now()),
    services.log,
    'lead view sweep',
  );
}
