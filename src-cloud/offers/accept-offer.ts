import { v7 as uuidv7 } from 'uuid';
import type { AuthContext } from '../accounts/auth-context';
import type { Db, Queryable, Tx } from '../db/db';
import { updateLead } from '../mutations/leads';
import { Rejection } from '../mutations/rejection';
import { lockTenant, pokeOnCommit } from '../sync/tenant-write';
import { syncWriter } from '../sync/writer';
import type { OfferClaims, SettledOffer } from './offer-claims';
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
const NOT_YOURS: AcceptRefusal = {
  status: 403,
  code: 'offer_not_yours',
  message: 'This lead was not offered to you',
};
const notFound = (offerId: string): AcceptRefusal => ({
  status: 404,
  code: 'offer_not_found',
  message: `No offer ${offerId} here`,
});
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

interface AcceptDeps {
  db: Db;
  offerClaims: OfferClaims;
  now(): number;
}

/**
 * The first Accept wins (DESIGN §7). The claim is one UPDATE ... WHERE status = 'open': of any
 * number of concurrent Accepts, PostgreSQL lets one change the row and re-checks the others
 * against the committed result, which no longer matches. The winner assigns the lead in the
 * same transaction (as the updateLead mutation does, with its timeline event) and closes every
 * other desk's alert; a loser learns exactly why. The claim comes before the tenant's write
 * lock, so the losers never queue for it. Within one process, Accepts of one offer take turns
 * and a settled outcome is answered from memory (OfferClaims says why).
 */
export async function acceptOffer(
  deps: AcceptDeps,
  auth: AuthContext,
  offerId: string,
): Promise<AcceptResult> {
  for (;;) {
    const settled = deps.offerClaims.settledOffer(offerId);
    if (settled) return answerFrom(settled, auth, offerId);
    const running = deps.offerClaims.inProgress(offerId);
    if (!running) return deps.offerClaims.claim(offerId, () => claimOffer(deps, auth, offerId));
    // Whatever it met (a win, a refusal of its own, an error), look again afterwards.
    await running.catch(() => undefined);
  }
}

interface Claimed {
  result: AcceptResult;
  won: SettledOffer | null;
}

async function claimOffer(
  deps: AcceptDeps,
  auth: AuthContext,
  offerId: string,
): Promise<AcceptResult> {
  const now = deps.now();
  // Straight to the claim: within this process the other Accepts wait for this one, so a
  // read first would only delay the answer they all wait for.
  try {
    const { result, won } = await deps.db.transaction(async (tx): Promise<Claimed> => {
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
        const outcome = await outcomeOf(deps, tx, auth, offerId, now);
        if (outcome === 'claimable') {
          throw new Error(`offer ${offerId} is still claimable, yet the claim did not match`);
        }
        return { result: outcome, won: null };
      }
      await assignLead(tx, auth, claimed.lead_id, now);
      await publishOfferClosed(tx, auth.tenantId, claimed.agent_ids, {
        offerId,
        leadId: claimed.lead_id,
        outcome: 'accepted',
        acceptedBy: { userId: auth.userId, name: auth.user.name },
      });
      return {
        result: { ok: true, leadId: claimed.lead_id },
        won: {
          tenantId: auth.tenantId,
          leadId: claimed.lead_id,
          agentIds: new Set(claimed.agent_ids),
          acceptedBy: { userId: auth.userId, name: auth.user.name },
        },
      };
    });
    // Remembered once committed, never before: a rolled-back win is no outcome.
    if (won) deps.offerClaims.remember(offerId, won);
    return result;
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

/**
 * What an Accept of this offer would get now: its outcome, or 'claimable' (open, yours). A
 * settled outcome read here is remembered: it is final.
 */
async function outcomeOf(
  deps: AcceptDeps,
  q: Queryable,
  auth: AuthContext,
  offerId: string,
  now: number,
): Promise<AcceptResult | 'claimable'> {
  const [offer] = await q.query<{
    status: 'open' | 'accepted' | 'missed';
    lead_id: string;
    expires_at: number;
    agent_ids: string[];
    accepted_by_user_id: string | null;
    accepted_by_name: string | null;
  }>(
    `SELECT o.status, o.lead_id, o.expires_at, o.agent_ids,
       o.accepted_by_user_id, u.row ->> 'name' AS accepted_by_name
     FROM offers o
     LEFT JOIN users u ON u.tenant_id = o.tenant_id AND u.id = o.accepted_by_user_id
     WHERE o.id = $1 AND o.tenant_id = $2`,
    [offerId, auth.tenantId],
  );
  if (!offer) return refused(notFound(offerId));
  switch (offer.status) {
    case 'accepted':
    case 'missed': {
      const settled: SettledOffer = {
        tenantId: auth.tenantId,
        leadId: offer.lead_id,
        agentIds: new Set(offer.agent_ids),
        acceptedBy:
          offer.status === 'accepted' && offer.accepted_by_user_id
            ? {
                userId: offer.accepted_by_user_id,
                // The winner's account is gone since; the outcome stands.
                name: offer.accepted_by_name ?? 'someone else',
              }
            : null,
      };
      deps.offerClaims.remember(offerId, settled);
      return answerFrom(settled, auth, offerId);
    }
    case 'open':
      if (!offer.agent_ids.includes(auth.userId)) return refused(NOT_YOURS);
      // Past its expiry but not yet swept by the expiry job: missed all the same.
      return offer.expires_at <= now ? refused(MISSED) : 'claimable';
    default:
      throw new Error(`unknown offer status ${offer.status satisfies never}`);
  }
}

/** What a settled offer tells this agent. */
function answerFrom(settled: SettledOffer, auth: AuthContext, offerId: string): AcceptResult {
  if (settled.tenantId !== auth.tenantId) return refused(notFound(offerId));
  if (!settled.agentIds.has(auth.userId)) return refused(NOT_YOURS);
  if (!settled.acceptedBy) return refused(MISSED);
  // A second click, a retry after a lost answer: the lead is already theirs.
  return settled.acceptedBy.userId === auth.userId
    ? { ok: true, leadId: settled.leadId }
    : refused(taken(settled.acceptedBy.name));
}

const refused = (refusal: AcceptRefusal): AcceptResult => ({ ok: false, refusal });
