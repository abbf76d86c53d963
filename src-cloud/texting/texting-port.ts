import type { FastifyBaseLogger } from 'fastify';

/** A text the cloud sends on its own behalf (a missed-lead alert), not an agent's message. */
export interface OutgoingText {
  /** The store's texting number; null when it has none (the provider then picks one). */
  from: string | null;
  /** E.164. */
  to: string;
  body: string;
}

/**
 * The cloud's one way out by SMS for its own notices. The Twilio issue plugs its sender in
 * here; until then the default only logs that it did not send.
 */
export interface TextingPort {
  send(text: OutgoingText): Promise<void>;
}

/** Without a provider: says so, with the number, never the body (it names a customer). */
export function unconfiguredTexter(log: Pick<FastifyBaseLogger, 'warn'>): TextingPort {
  return {
    async send(text) {
      log.warn({ to: text.to, from: text.from }, 'SMS not sent: no texting provider configured');
    },
  };
}
