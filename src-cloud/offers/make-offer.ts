import { v7 as uuidv7 } from 'uuid';
import { leadDisplayName, type Lead } from '../../src-shared/domain/lead';
import type { Store } from '../../src-shared/domain/tenant';
import type { OfferAlert } from '../../src-shared/presence/offer-alert';
import type { Tx } from '../db/db';
import type { MissedOffer } from './notify-missed';
import { publishOffer } from './publish-to-agents';

export interface OfferRequest {
  tenantId: string;
  lead: Lead;
  store: Store;
  /** The customer's first message, already cut to a preview. */
  firstMessage: string;
  now: number;
}

export interface MadeOffer {
  offerId: string;
  /** Set when nobody was online: the offer was missed at once and its notices are due. */
  missed: MissedOffer | null;
}

/**
 * Offers a lead to the agents of its store who are online right now (DESIGN §7), inside the
 * transaction that wrote the customer's message: the offer exists, and rings, only if the
 * message committed. With nobody online it is recorded as missed at once.
 */
export async function offerToOnlineAgents(tx: Tx, request: OfferRequest): Promise<MadeOffer> {
  const { tenantId, lead, store, now } = request;
  const agentIds = await onlineAgentsOf(tx, tenantId, store.id);
  const alert: OfferAlert = {
    offerId: uuidv7(),
    leadId: lead.id,
    leadName: leadDisplayName(lead),
    phone: lead.phones[0]?.number ?? null,
    storeId: store.id,
    storeName: store.name,
    source: lead.source,
    firstMessage: request.firstMessage,
    createdAt: now,
    expiresAt: now + store.offerTimeoutSeconds * 1000,
  };
  const missed = agentIds.length === 0;
  await tx.query(
    `INSERT INTO offers (id, tenant_id, lead_id, store_id, agent_ids, status, alert, created_at,
       expires_at, closed_at)
     VALUES ($1, $2, $3, $4, $5::text[], $6, $7::jsonb, $8, $9, $10)`,
    [
      alert.offerId,
      tenantId,
      lead.id,
      store.id,
      agentIds,
      missed ? 'missed' : 'open',
      JSON.stringify(alert),
      now,
      alert.expiresAt,
      missed ? now : null,
    ],
  );
  if (missed) return { offerId: alert.offerId, missed: { tenantId, alert } };
  await publishOffer(tx, tenantId, agentIds, alert);
  return { offerId: alert.offerId, missed: null };
}

/** Agents (not managers: they watch, they do not take leads) of the store, online now. */
async function onlineAgentsOf(tx: Tx, tenantId: string, storeId: string): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `SELECT u.id FROM users u
     JOIN user_presence p ON p.tenant_id = u.tenant_id AND p.user_id = u.id
     WHERE u.tenant_id = $1 AND NOT u.deleted AND u.disabled_at IS NULL
       AND u.row ->> 'role' = 'agent' AND u.row -> 'storeIds' @> jsonb_build_array($2::text)
       AND p.state = 'online'
     ORDER BY u.id`,
    [tenantId, storeId],
  );
  return rows.map((row) => row.id);
}
