import { parseArrivedEmail, type ArrivedEmail } from './arrived-email';
import { classifyEmail } from './classify-email';
import { targetOfToken, type RelayTarget } from './relay-addresses';
import { alreadyReceived, leadOfReferences } from './relay-emails';
import type { RelayServices } from './relay-services';
import { SmtpRefusal } from './smtp-refusal';
import type { GroupedWrites } from '../sync/grouped-writes';
import { userByEmail } from './thread-rows';
import { writeAgentAnswer } from './write-agent-answer';
import { writeCustomerEmail } from './write-customer-email';
import { writeEmailNotice } from './write-email-notice';

export interface RelayEnvelope {
  /** MAIL FROM; null for the empty sender `<>`. */
  mailFrom: string | null;
  /** The relay tokens of the accepted recipients. */
  tokens: string[];
  /** The leads those tokens named when they were accepted at RCPT. */
  accepted?: ReadonlyMap<string, RelayTarget>;
}

/**
 * An email that reached the relay's SMTP listener: parsed once, then for each recipient matched
 * to its lead (by token, else by the Message-IDs it answers), classified (customer, agent,
 * auto-reply, bounce) and written. A retry of an email already received changes nothing.
 * Throws SmtpRefusal for what the sender should hear; nothing is written for a refused lead.
 */
export async function receiveRelayEmail(
  services: RelayServices,
  batches: GroupedWrites,
  raw: Buffer,
  envelope: RelayEnvelope,
): Promise<void> {
  const email = await parseArrivedEmail(raw);
  for (const token of new Set(envelope.tokens)) {
    const target = envelope.accepted?.get(token) ?? (await targetOf(services, token, email));
    await deliver(services, batches, target, email, envelope);
  }
}

async function targetOf(
  services: RelayServices,
  token: string,
  email: ArrivedEmail,
): Promise<RelayTarget> {
  const target =
    (await targetOfToken(services.db, token)) ??
    // The address was accepted at RCPT but its lead is gone since: the thread it answers.
    (await leadOfReferences(services.db, email.references));
  if (!target) throw new SmtpRefusal(550, '5.1.1 no such relay address');
  return target;
}

async function deliver(
  services: RelayServices,
  batches: GroupedWrites,
  target: RelayTarget,
  email: ArrivedEmail,
  envelope: RelayEnvelope,
): Promise<void> {
  const [received, agent] = await Promise.all([
    alreadyReceived(services.db, target.tenantId, target.leadId, email.headerMessageId),
    email.fromAddress ? userByEmail(services.db, target.tenantId, email.fromAddress) : null,
  ]);
  // The same email again (a sending server retrying after a lost answer): already threaded.
  if (received) return;
  const kind = classifyEmail(
    {
      envelopeFrom: envelope.mailFrom,
      fromAddress: email.fromAddress,
      subject: email.subject,
      contentType: email.contentType,
      headers: email.headers,
    },
    agent !== null,
  );
  switch (kind) {
    case 'customer':
      return writeCustomerEmail(services, batches, target, email);
    case 'agent':
      return writeAgentAnswer(services, batches, target, agent!, email);
    case 'auto_reply':
    case 'bounce':
      return writeEmailNotice(services, batches, target, kind, email);
    default:
      return kind satisfies never;
  }
}
