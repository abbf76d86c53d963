import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/db';
import type { Mailer } from '../email/mailer';
import { repeatRounds } from '../jobs/rounds';
import { claimDue, markAttemptFailed, markSent, type ClaimedEmail } from './outbox-rows';
import { OUTBOX_CHANNEL } from './queue-email';
import { MAX_ATTEMPTS, retryDelay } from './retry-delay';

const BATCH = 10;
/** Longer than nodemailer's slowest timeout (10 min socket), so a live send keeps its claim. */
const LEASE_MS = 15 * 60_000;

export interface OutboxOptions {
  /** How often due emails (retries, missed wake-ups) are looked for; default 5 s. */
  pollMs?: number;
  /** The first retry's delay after an SMTP failure, doubling after each; default 30 s. */
  retryMs?: number;
}

export interface EmailOutbox {
  /** Sends what is due now (also what every wake-up does); resolves when the round is over. */
  runOnce(): Promise<void>;
  /** Stops polling and listening, and waits for a round under way. */
  stop(): Promise<void>;
}

interface OutboxServices {
  db: Db;
  mailer: Mailer;
  log: FastifyBaseLogger;
  now(): number;
}

/**
 * The email outbox worker, in every cloud process (DESIGN §9 jobs). Woken by the NOTIFY of a
 * commit that queued mail (any process), and by a poll for retries (`repeatRounds`). One round
 * at a time here; a wake-up during a round runs one more round after it, so nothing queued
 * meanwhile waits for the poll.
 */
export async function startEmailOutbox(
  services: OutboxServices,
  options: OutboxOptions = {},
): Promise<EmailOutbox> {
  const retryMs = options.retryMs ?? 30_000;
  const send = () => sendDue(services, retryMs);
  const rounds = repeatRounds(
    options.pollMs ?? 5000,
    send,
    undefined,
    services.log,
    'email outbox round',
  );
  const stopListening = await services.db
    .listen(OUTBOX_CHANNEL, rounds.wake, rounds.wake)
    .catch(async (error: unknown) => {
      await rounds.stop(); // no worker left polling behind a start that failed
      throw error;
    });
  rounds.wake(); // what an earlier process left queued

  return {
    runOnce: rounds.runOnce,
    async stop() {
      await stopListening();
      await rounds.stop();
    },
  };
}

async function sendDue(services: OutboxServices, retryMs: number): Promise<void> {
  for (;;) {
    const claimed = await claimDue(services.db, services.now(), LEASE_MS, BATCH);
    for (const email of claimed) await sendOne(services, email, retryMs);
    if (claimed.length < BATCH) return;
  }
}

async function sendOne(services: OutboxServices, email: ClaimedEmail, retryMs: number) {
  try {
    await services.mailer.send({
      to: email.recipients.join(', '),
      subject: email.subject,
      text: email.body,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const retryAt = services.now() + retryDelay(email.attempts, retryMs);
    await markAttemptFailed(services.db, email, message, retryAt);
    // The id and the SMTP error only: the body may be a customer's conversation.
    services.log.warn(
      { emailId: email.id, attempts: email.attempts, error: message },
      email.attempts >= MAX_ATTEMPTS ? 'email given up on' : 'email not sent, will retry',
    );
    return;
  }
  await markSent(services.db, email, services.now());
}
