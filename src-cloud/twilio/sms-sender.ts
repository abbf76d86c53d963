import { repeatRounds } from '../jobs/rounds';
import { claimQueuedTexts } from './sms-claims';
import { sendClaimedText, type RetryPolicy, type SenderServices } from './send-text';

export interface SmsSenderOptions {
  /** How often queued texts are looked for when nobody wakes the sender (default 1 s). */
  pollMs?: number;
  /** An attempt 'sending' this long was abandoned by a process that died (default 2 min). */
  staleAfterMs?: number;
  retry?: Partial<RetryPolicy>;
}

export interface SmsSender {
  /** A text was queued: look now rather than at the next poll. */
  wake(): void;
  /** One round now; resolves to how many attempts it made (tests). */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

/** How many texts one round claims; a backlog takes several rounds. */
const BATCH = 20;

/**
 * The outbound text sender, in every cloud process (DESIGN §8, §9): each round claims queued
 * texts (sms-claims.ts: FOR UPDATE SKIP LOCKED, then a committed claim) and sends them one by
 * one through Twilio (send-text.ts). Rounds never overlap within a process; a round that fails
 * is logged and the next one tries again.
 */
export function startSmsSender(
  services: SenderServices,
  options: SmsSenderOptions = {},
): SmsSender {
  const pollMs = options.pollMs ?? 1000;
  const staleAfterMs = options.staleAfterMs ?? 120_000;
  const retry: RetryPolicy = { maxAttempts: 5, firstDelayMs: 5000, ...options.retry };
  let stopped = false;

  const round = async (): Promise<number> => {
    let total = 0;
    for (;;) {
      const claims = await claimQueuedTexts(services.db, BATCH, {
        now: services.now(),
        staleAfterMs,
      });
      for (const claim of claims) {
        await sendClaimedText(services, claim, retry).catch((error: unknown) =>
          services.log.error({ err: error, messageId: claim.messageId }, 'sending a text failed'),
        );
      }
      total += claims.length;
      if (claims.length < BATCH || stopped) return total;
    }
  };
  const rounds = repeatRounds(pollMs, round, 0, services.log, 'text sender round');

  return {
    // A round under way may have claimed before this text committed: another runs after it.
    wake: rounds.wake,
    runOnce: rounds.runOnce,
    async stop() {
      stopped = true;
      await rounds.stop();
    },
  };
}
