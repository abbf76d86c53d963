import type { SendMailOptions } from 'nodemailer';
import { oneLine } from './arrived-email';

export interface RelayEmailInput {
  /** Our Message-ID for it, without angle brackets (stored as the message's providerId). */
  headerMessageId: string;
  to: { name: string; address: string };
  /** The agent's name on the relay address; replies come back to the relay. */
  from: { name: string; address: string };
  /** The sending agent's own address for their copy, or null for none. */
  copyTo: string | null;
  subject: string;
  text: string;
  /** The customer's email this one answers (In-Reply-To / References), if any. */
  answers: string | null;
  attachments: { filename: string; contentType: string; content: Buffer }[];
}

/**
 * The email as nodemailer sends it. Every name and the subject go through `oneLine` (no CR/LF:
 * no header can be injected) and nodemailer encodes them as RFC 2047 words; addresses travel as
 * structured values, never pasted into a header. The copy to the agent is a Bcc: it leaves with
 * the same Message-ID, so the agent's own mail program threads their answer the same way.
 */
export function composeRelayEmail(input: RelayEmailInput): SendMailOptions {
  const from = { name: oneLine(input.from.name), address: input.from.address };
  return {
    from,
    replyTo: from,
    to: { name: oneLine(input.to.name), address: input.to.address },
    ...(input.copyTo ? { bcc: input.copyTo } : {}),
    subject: oneLine(input.subject) || '(no subject)',
    text: input.text,
    messageId: `<${input.headerMessageId}>`,
    ...(input.answers
      ? { inReplyTo: `<${input.answers}>`, references: [`<${input.answers}>`] }
      : {}),
    attachments: input.attachments,
    // The envelope sender is the relay address too: bounces come back to the lead's thread.
    envelope: {
      from: input.from.address,
      to: [input.to.address, ...(input.copyTo ? [input.copyTo] : [])],
    },
  };
}

/** "Re: " before the customer's subject, once; our own wording when they gave none. */
export function replySubject(customerSubject: string | null, storeName: string): string {
  const subject = oneLine(customerSubject ?? '');
  if (!subject) return `Your inquiry at ${oneLine(storeName)}`;
  return /^re:/i.test(subject) ? subject : `Re: ${subject}`;
}
