import { v7 as uuidv7 } from 'uuid';
import type { CloudServices } from '../services';
import { lockTenant, pokeOnCommit } from '../sync/tenant-write';
import { syncWriter } from '../sync/writer';
import { twilioClient, type TwilioClient } from './client';
import { deliveryStatusOf } from './delivery-status';
import { optOutUnsubscribed, recordDelivery, type DeliveryNews } from './record-delivery';
import { finishClaim, type SmsClaim } from './sms-claims';
import { planText, type TextPlan } from './text-plan';

export type SenderServices = Pick<
  CloudServices,
  'db' | 'secrets' | 'publicUrl' | 'now' | 'log' | 'config'
>;

export interface RetryPolicy {
  /** Attempts in all before a message Twilio keeps refusing with 5xx fails. */
  maxAttempts: number;
  /** The wait before the second attempt; doubled for each one after. */
  firstDelayMs: number;
}

/** Twilio answers an earlier attempt may have been created at, allowing for clocks apart. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * One claimed attempt: planned (consent, numbers, account, media), sent through the SDK, and
 * the outcome recorded only if the attempt is still this one's. Twilio's API has no idempotency
 * key for messages, so an attempt after the first (the last one died, or Twilio answered 5xx
 * after perhaps creating the message) first looks for its message among Twilio's, and adopts it
 * instead of sending again.
 */
export async function sendClaimedText(
  services: SenderServices,
  claim: SmsClaim,
  retry: RetryPolicy,
): Promise<void> {
  const plan = await planText(services, claim.tenantId, claim.messageId);
  if (plan.kind === 'skip') return finish(services, claim, { providerSid: null }, null);
  if (plan.kind === 'fail') {
    return finish(
      services,
      claim,
      { providerSid: null },
      {
        status: 'failed',
        errorCode: plan.errorCode,
        providerId: null,
      },
    );
  }
  const client = twilioClient(plan.account, services.config.twilioApiOrigin);
  try {
    const earlier = claim.attempt > 1 ? await findEarlierSend(services, client, plan, claim) : null;
    const sent = earlier ?? (await client.messages.create(plan.request));
    await finish(
      services,
      claim,
      { providerSid: sent.sid },
      {
        status: deliveryStatusOf(sent.status) ?? 'queued',
        errorCode: null,
        providerId: sent.sid,
      },
    );
  } catch (error) {
    const { status, code } = error as { status?: number; code?: number };
    const retryable = status === undefined || status >= 500 || status === 429;
    if (retryable && claim.attempt < retry.maxAttempts) {
      services.log.warn(
        { messageId: claim.messageId, attempt: claim.attempt, status, code },
        'Twilio did not take a text; trying again later',
      );
      const retryAt = services.now() + retry.firstDelayMs * 2 ** (claim.attempt - 1);
      return finish(services, claim, { retryAt }, null);
    }
    const errorCode = retryable ? 'send_failed' : twilioErrorCode(status, code);
    services.log.warn({ messageId: claim.messageId, status, code: errorCode }, 'text failed');
    await finish(
      services,
      claim,
      { providerSid: null },
      { status: 'failed', errorCode, providerId: null },
      errorCode === '21610' ? { leadId: plan.leadId, number: plan.request.to } : null,
    );
  }
}

function twilioErrorCode(status: number | undefined, code: number | undefined): string {
  if (code === 20003 || status === 401) return 'twilio_auth';
  return code !== undefined ? String(code) : `http_${status}`;
}

/**
 * The message an earlier attempt created, if Twilio has it: same numbers and body, created
 * since the first attempt began, and not already recorded on another Showroom message.
 */
async function findEarlierSend(
  services: SenderServices,
  client: TwilioClient,
  plan: Extract<TextPlan, { kind: 'send' }>,
  claim: SmsClaim,
): Promise<{ sid: string; status: string } | null> {
  const candidates = (
    await client.messages.list({ to: plan.request.to, from: plan.request.from, limit: 50 })
  ).filter(
    (m) =>
      m.body === plan.request.body &&
      m.dateCreated.getTime() >= claim.firstClaimedAt - CLOCK_SKEW_MS,
  );
  if (candidates.length === 0) return null;
  const taken = await services.db.query<{ provider_sid: string }>(
    `SELECT provider_sid FROM sms_sends WHERE tenant_id = $1 AND provider_sid = ANY($2::text[])`,
    [claim.tenantId, candidates.map((m) => m.sid)],
  );
  const found = candidates.find((m) => !taken.some((t) => t.provider_sid === m.sid));
  return found ? { sid: found.sid, status: found.status } : null;
}

/** Records the outcome in one transaction, if the attempt is still this one's. */
async function finish(
  services: SenderServices,
  claim: SmsClaim,
  outcome: { providerSid: string | null } | { retryAt: number },
  news: DeliveryNews | null,
  unsubscribed: { leadId: string; number: string } | null = null,
): Promise<void> {
  await services.db.transaction(async (tx) => {
    await lockTenant(tx, claim.tenantId);
    if (!(await finishClaim(tx, claim, outcome))) return;
    const write = syncWriter(tx, claim.tenantId);
    if (news) await recordDelivery(tx, write, claim.tenantId, claim.messageId, news);
    if (unsubscribed) {
      await optOutUnsubscribed(
        tx,
        write,
        claim.tenantId,
        unsubscribed.leadId,
        unsubscribed.number,
        services.now(),
        uuidv7,
      );
    }
    if (write.wrote) await pokeOnCommit(tx, claim.tenantId);
  });
}
