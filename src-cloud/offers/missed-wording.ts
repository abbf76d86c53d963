import { formatPhone } from '../../src-shared/phone/phone';
import type { OfferAlert } from '../../src-shared/presence/offer-alert';

/** What a missed-lead notice says: the alert as it rang, plus what the desk could not show. */
export interface MissedFacts {
  alert: OfferAlert;
  email: string | null;
  /** The store's IANA zone, for the time the lead came in. */
  timeZone: string;
}

const secondsRung = (alert: OfferAlert) => Math.round((alert.expiresAt - alert.createdAt) / 1000);

function contactOf({ alert, email }: MissedFacts): string | null {
  return alert.phone ? formatPhone(alert.phone) : email;
}

/**
 * One text, short enough to read on a lock screen:
 * `Missed lead at Summit Toyota: Dana Whitfield (970) 123-4567 (Text): "Is the Tacoma still
 * available?" Nobody accepted within 60 s.`
 */
export function missedText(facts: MissedFacts): string {
  const { alert } = facts;
  const contact = contactOf(facts);
  return (
    `Missed lead at ${alert.storeName}: ${alert.leadName}${contact ? ` ${contact}` : ''}` +
    ` (${alert.source}): "${alert.firstMessage}" Nobody accepted within ${secondsRung(alert)} s.`
  );
}

/** The same facts for the sales-lead addresses. The subject names no customer: it gets logged. */
export function missedEmail(facts: MissedFacts): { subject: string; text: string } {
  const { alert, email, timeZone } = facts;
  const received = new Intl.DateTimeFormat('en-US', {
    timeZone,
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(alert.createdAt);
  const lines = [
    `Nobody accepted this lead within ${secondsRung(alert)} s. It is unassigned and waiting for a response.`,
    '',
    `Lead: ${alert.leadName}`,
    ...(alert.phone ? [`Phone: ${formatPhone(alert.phone)}`] : []),
    ...(email ? [`Email: ${email}`] : []),
    `Source: ${alert.source}`,
    `Store: ${alert.storeName}`,
    `Received: ${received}`,
    '',
    'First message:',
    alert.firstMessage,
  ];
  return { subject: `Missed lead at ${alert.storeName}`, text: lines.join('\n') };
}
