/** Who an arriving email is, as far as the relay is concerned. */
export type EmailKind = 'customer' | 'agent' | 'auto_reply' | 'bounce';

/** The parts of a parsed email the classification reads (header names lowercase). */
export interface EmailFacts {
  /** The envelope sender (MAIL FROM); null for the empty sender `<>` bounces use. */
  envelopeFrom: string | null;
  fromAddress: string | null;
  subject: string;
  contentType: string;
  headers: ReadonlyMap<string, unknown>;
}

const DAEMON = /^(mailer-daemon|postmaster)@/i;
const AUTO_SUBJECT =
  /^\s*(out of (the )?office|automatic reply|auto(matic)?[- ]?(reply|response)|autoreply|away from (the )?office)\b/i;

/**
 * Bounces (a delivery report, or mail from MAILER-DAEMON or the empty sender) and auto-replies
 * (RFC 3834 Auto-Submitted, the X-Autoreply family, Precedence auto_reply / bulk / junk, an "Out
 * of Office" subject) are recorded but never count as the customer writing. What is left is the
 * customer's mail, or an agent's answer when it comes from a user of the tenant
 * (`isAgentAddress`).
 */
export function classifyEmail(facts: EmailFacts, isAgentAddress: boolean): EmailKind {
  if (isBounce(facts)) return 'bounce';
  if (isAutoReply(facts)) return 'auto_reply';
  return isAgentAddress ? 'agent' : 'customer';
}

function isBounce(facts: EmailFacts): boolean {
  // multipart/report: a delivery status notification (RFC 3464) or a disposition report.
  if (facts.contentType.toLowerCase().startsWith('multipart/report')) return true;
  if (facts.envelopeFrom === null) return true;
  return DAEMON.test(facts.fromAddress ?? '') || DAEMON.test(facts.envelopeFrom);
}

function isAutoReply(facts: EmailFacts): boolean {
  const submitted = headerText(facts, 'auto-submitted').toLowerCase();
  if (submitted && submitted !== 'no') return true;
  for (const name of [
    'x-autoreply',
    'x-autorespond',
    'x-autoresponder',
    'x-auto-response-suppress',
  ]) {
    // X-Auto-Response-Suppress is set by Outlook on auto-replies it sends (and on some others):
    // only "All" or "OOF" marks an automatic message.
    const value = headerText(facts, name).toLowerCase();
    if (!value) continue;
    if (name !== 'x-auto-response-suppress' || /\b(all|oof)\b/.test(value)) return true;
  }
  const precedence = headerText(facts, 'precedence').toLowerCase();
  if (['auto_reply', 'bulk', 'junk'].includes(precedence)) return true;
  return AUTO_SUBJECT.test(facts.subject);
}

/** A header as text, whatever shape mailparser gave it (string, structured value, list). */
function headerText(facts: EmailFacts, name: string): string {
  const value = facts.headers.get(name);
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value.trim();
  if (Array.isArray(value)) return value.map(String).join(', ').trim();
  if (typeof value === 'object' && 'value' in value) return String(value.value).trim();
  return String(value).trim();
}
