import type { OfferAlert } from '../../src-shared/presence/offer-alert';
import { repeatRounds, type Rounds } from '../jobs/rounds';
import { notifyMissed, type MissedOffer } from './notify-missed';
import type { OfferServices } from './offer-services';
import { publishOfferClosed } from './publish-to-agents';

/** How many expired offers one transaction claims; a backlog takes several rounds. */
const BATCH = 100;

/** Its rounds resolve to how many offers they missed. */
export type OfferExpiry = Rounds<number>;

/**
 * The offer timeout job (DESIGN §7, §9), in every cloud process. Each round claims the open
 * offers past their expiry with FOR UPDATE SKIP LOCKED, so two processes never miss one twice
 * and an Accept in progress (which holds the row) wins or loses before the job sees it; marks
 * them missed, closes their alerts, and after the commit sends the notices.
 */
export function startOfferExpiry(services: OfferServices, intervalMs: number): OfferExpiry {
  return repeatRounds(
    intervalMs,
    () => missExpired(services),
    0,
    services.log,
    'offer expiry round',
  );
}

async function missExpired(services: OfferServices): Promise<number> {
  let total = 0;
  for (;;) {
    const missed = await claimExpired(services);
    for (const offer of missed) await notifyMissed(services, offer);
    total += missed.length;
    if (missed.length < BATCH) return total;
  }
}

async function claimExpired(services: OfferServices): Promise<MissedOffer[]> {
  const now = services.now();
  return services.db.transaction(async (tx) => {
    const rows = await tx.query<{ tenant_id: string; agent_ids: string[]; alert: OfferAlert }>(
      `UPDATE offers SET status = 'missed', closed_at = $1
       WHERE id IN (SELECT id FROM offers WHERE status = 'open' AND expires_at <= $1
                    ORDER BY expires_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
       RETURNING tenant_id, agent_ids, alert`,
      [now],
    );
    for (const row of rows) {
      await publishOfferClosed(tx, row.tenant_id, row.agent_ids, {
        offerId: row.alert.offerId,
        leadId: row.alert.leadId,
        outcome: 'missed',
        acceptedBy: null,
      });
    }
    return rows.map((row) => ({ tenantId: row.tenant_id, alert: row.alert }));
  });
}
