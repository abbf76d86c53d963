import { v7 as uuidv7 } from 'uuid';
import type { Db, Tx } from '../db/db';

/** One attempt at sending one message, held by this process until it records the outcome. */
export interface SmsClaim {
  tenantId: string;
  messageId: string;
  attemptId: string;
  /** 1 for the first attempt; a later one first asks Twilio whether an earlier one got through. */
  attempt: number;
  firstClaimedAt: number;
}

export interface ClaimTiming {
  now: number;
  /** An attempt 'sending' for longer than this was abandoned (its process died): claimed again. */
  staleAfterMs: number;
}

/**
 * Claims up to `limit` queued outbound texts in one transaction. Candidates are locked with
 * FOR UPDATE SKIP LOCKED, so two processes look at different messages; the claim itself is a
 * compare-and-set on sms_sends (an insert that conflicts, or an update naming the attempt it
 * replaces), so even a candidate both processes saw is claimed by one. Committed before Twilio
 * is called: whatever happens next, the row says an attempt was under way.
 */
export async function claimQueuedTexts(
  db: Db,
  limit: number,
  timing: ClaimTiming,
): Promise<SmsClaim[]> {
  return db.transaction(async (tx) => {
    const candidates = await tx.query<{
      tenant_id: string;
      id: string;
      attempt_id: string | null;
      attempts: number | null;
      first_claimed_at: number | null;
    }>(
      `SELECT m.tenant_id, m.id, s.attempt_id, s.attempts, s.first_claimed_at
       FROM messages m
       JOIN conversations c ON c.tenant_id = m.tenant_id AND c.id = m.row ->> 'conversationId'
       LEFT JOIN sms_sends s ON s.tenant_id = m.tenant_id AND s.message_id = m.id
       WHERE NOT m.deleted AND m.row ->> 'status' = 'queued' AND m.row ->> 'direction' = 'out'
         AND c.row ->> 'channel' = 'sms'
         AND (s.message_id IS NULL
              OR (s.state = 'retry' AND s.next_attempt_at <= $1)
              OR (s.state = 'sending' AND s.claimed_at <= $2))
       ORDER BY m.version LIMIT $3
       FOR UPDATE OF m SKIP LOCKED`,
      [timing.now, timing.now - timing.staleAfterMs, limit],
    );
    const claims: SmsClaim[] = [];
    for (const candidate of candidates) {
      const claim = await claimOne(tx, candidate, timing.now);
      if (claim) claims.push(claim);
    }
    return claims;
  });
}

async function claimOne(
  tx: Tx,
  candidate: {
    tenant_id: string;
    id: string;
    attempt_id: string | null;
    first_claimed_at: number | null;
  },
  now: number,
): Promise<SmsClaim | null> {
  const attemptId = uuidv7();
  const [claimed] =
    candidate.attempt_id === null
      ? await tx.query<{ attempts: number; first_claimed_at: number }>(
          `INSERT INTO sms_sends (tenant_id, message_id, state, attempt_id, attempts,
             first_claimed_at, claimed_at)
           VALUES ($1, $2, 'sending', $3, 1, $4, $4)
           ON CONFLICT (tenant_id, message_id) DO NOTHING
           RETURNING attempts, first_claimed_at`,
          [candidate.tenant_id, candidate.id, attemptId, now],
        )
      : await tx.query<{ attempts: number; first_claimed_at: number }>(
          `UPDATE sms_sends SET state = 'sending', attempt_id = $3, attempts = attempts + 1,
             claimed_at = $5, next_attempt_at = NULL
           WHERE tenant_id = $1 AND message_id = $2 AND attempt_id = $4 AND state <> 'done'
           RETURNING attempts, first_claimed_at`,
          [candidate.tenant_id, candidate.id, attemptId, candidate.attempt_id, now],
        );
  if (!claimed) return null;
  return {
    tenantId: candidate.tenant_id,
    messageId: candidate.id,
    attemptId,
    attempt: claimed.attempts,
    firstClaimedAt: claimed.first_claimed_at,
  };
}

/**
 * Ends the attempt: true when it was still this one's (then the caller records the outcome in
 * the same transaction); false when another process took the message over meanwhile.
 */
export async function finishClaim(
  tx: Tx,
  claim: SmsClaim,
  outcome: { providerSid: string | null } | { retryAt: number },
): Promise<boolean> {
  const rows =
    'retryAt' in outcome
      ? await tx.query(
          `UPDATE sms_sends SET state = 'retry', next_attempt_at = $4
           WHERE tenant_id = $1 AND message_id = $2 AND attempt_id = $3 AND state = 'sending'
           RETURNING message_id`,
          [claim.tenantId, claim.messageId, claim.attemptId, outcome.retryAt],
        )
      : await tx.query(
          `UPDATE sms_sends SET state = 'done', provider_sid = $4
           WHERE tenant_id = $1 AND message_id = $2 AND attempt_id = $3 AND state = 'sending'
           RETURNING message_id`,
          [claim.tenantId, claim.messageId, claim.attemptId, outcome.providerSid],
        );
  return rows.length > 0;
}
