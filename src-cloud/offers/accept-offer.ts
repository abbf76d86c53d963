import { v7 as uuidv7 } from 'uuid';
import type { AuthContext } from '../accounts/auth-context';
import type { Db, Queryable, Tx } from '../db/db';
import { updateLead } from '../mutations/leads';
import { Rejection } from '../mutations/rejection';
import { lockTenant, pokeOnCommit } from '../sync/tenant-write';
import { syncWriter } from '../sync/writer';
import { publishOfferClosed } from './publish-to-agents';

/** Why an Accept did not win, worded for the agent whose alert it was (AcceptOfferResponse). */
export interface AcceptRefusal {
  status: 403 | 404 | 409 | 410;
  code: 'offer_not_found' | 'offer_not_yours' | 'offer_taken' | 'offer_missed';
  message: string;
}

export type AcceptResult = { ok: true; leadId: string } | { ok: false; refusal: AcceptRefusal };

const MISSED: AcceptRefusal = {
  status: 410,
  code: 'offer_missed',
  message: 'This lead was not answered in time and is no longer ringing',
};
const taken = (name: string): AcceptRefusal => ({
  status: 409,
  code: 'offer_taken',
  message: `Taken by ${name}`,
});

/** Thrown inside the transaction to roll the claim back when the lead cannot be assigned. */
class RolledBack extends Error {
  constructor(readonly refusal: AcceptRefusal) {
    super(refusal.message);
  }
}

/**
 * The first Accept wins (DESIGN §7). The claim is one UPDATE ... WHERE status = 'open': of any
 * number of concurrent Accepts, PostgreSQL lets one change the row and re-checks the others
 * against the committed result, which no longer matches. The winner assigns the lead in the
 * same transaction (as the updateLead mutation does, with its timeline event) and closes every
 * other desk's alert; a loser learns exactly why. The claim comes before the tenant's write
 * lock, so the losers never queue for it.
 */
export async function acceptOffer(
  deps: { db: Db; now(): number },
  auth: AuthContext,
  offerId: string,
): Promise<AcceptResult> {
  const now = deps.now();
  // Most Accepts of a popular offer come after the winner: one read answers them, without a
  // transaction holding a pooled connection through four round trips.
  const known = await outcomeOf(deps.db, auth, offerId, now);
  if (known !== 'claimable') return known;
  try {
    return await deps.db.transaction(async (tx): Promise<AcceptResult> => {
      const [claimed] = await tx.query<{ lead_id: string; agent_ids: string[] }>(
        `UPDATE offers SET status = 'accepted', accepted_by_user_id = $3, closed_at = $4
         WHERE id = $1 AND tenant_id = $2 AND status = 'open' AND expires_at > $4
           AND $3 = ANY(agent_ids)
         RETURNING lead_id, agent_ids`,
        [offerId, auth.tenantId, auth.userId, now],
      );
      if (!claimed) {
        // Not claimable: read why. Any Accept (or expiry) that got there first has committed by
        // now, and this statement sees it.
        const outcome = await outcomeOf(tx, auth, offerId, now);
        if (outcome === 'claimable') {
          throw new Error(`offer ${offerId} is still claimable, yet the claim did not match`);
        }
        return outcome;
      }
      await assignLead(tx, auth, claimed.lead_id, now);
      await publishOfferClosed(tx, auth.tenantId, claimed.agent_ids, {
        offerId,
        leadId: claimed.lead_id,
        outcome: 'accepted',
        acceptedBy: { userId: auth.userId, name: auth.user.name },
      });
      return { ok: true, leadId: claimed.lead_id };
    });
  } catch (error) {
    if (error instanceof RolledBack) return { ok: false, refusal: error.refusal };
    throw error;
  }
}

/** The updateLead mutation's own path, so the rules, the row and the timeline are the same. */
async function assignLead(tx: Tx, auth: AuthContext, leadId: string, now: number): Promise<void> {
  await lockTenant(tx, auth.tenantId);
  const write = syncWriter(tx, auth.tenantId);
  try {
    await updateLead(
      { tx, auth, now, write, newId: uuidv7 },
      { leadId, patch: { assignedUserId: auth.userId } },
    );
  } catch (error) {
    if (!(error instanceof Rejection)) throw error;
    // Someone assigned the lead by hand while it rang (or it is gone): the offer stays as it was.
    const [lead] = await tx.query<{ name: string | null }>(
      `SELECT u.row ->> 'name' AS name FROM leads l
       JOIN users u ON u.tenant_id = l.tenant_id AND u.id = l.row ->> 'assignedUserId'
       WHERE l.tenant_id = $1 AND l.id = $2 AND NOT l.deleted`,
      [auth.tenantId, leadId],
    );
    throw new RolledBack(lead?.name ? taken(lead.name) : MISSED);
  }
  if (write.wrote) await pokeOnCommit(tx, auth.tenantId);
}

/** What an Accept of this offer would get now: its outcome, or 'claimable' (open, yours). */
async function outcomeOf(
  q: Queryable,
  auth: AuthContext,
  offerId: string,
  now: number,
): Promise<AcceptResult | 'claimable'> {
  const [offer] = await q.query<{
    status: 'open' | 'accepted' | 'missed';
    lead_id: string;
    expires_at: number;
    mine: boolean;
    accepted_by_user_id: string | null;
    accepted_by_name: string | null;
  }>(
    `SELECT o.status, o.lead_id, o.expires_at, $3 = ANY(o.agent_ids) AS mine,
       o.accepted_by_user_id, u.row ->> 'name' AS accepted_by_name
     FROM offers o
     LEFT JOIN users u ON u.tenant_id = o.tenant_id AND u.id = o.accepted_by_user_id
     WHERE o.id = $1 AND o.tenant_id = $2`,
    [offerId, auth.tenantId, auth.userId],
  );
  if (!offer) {
    return refused({ status: 404, code: 'offer_not_found', message: `No offer ${offerId} here` });
  }
  if (!offer.mine) {
    return refused({
      status: 403,
      code: 'offer_not_yours',
      message: 'This lead was not offered to you',
    });
  }
  switch (offer.status) {
    // A second click, a retry after a lost answer: the lead is already theirs.
    case 'accepted':
      return offer.accepted_by_user_id === auth.userId
        ? { ok: true, leadId: offer.lead_id }
        : refused(taken(offer.accepted_by_name ?? 'someone else'));
    case 'missed':
      return refused(MISSED);
    case 'open':
      // Past its expiry but not yet swept by the expiry job: missed all the same.
      return offer.expires_at <= now ? refused(MISSED) : 'claimable';
    default:
      throw new Error(`unknown offer status ${offer.status satisfies never}`);
  }
}

const refused = (refusal: AcceptRefusal): AcceptResult => ({ ok: false, refusal });
