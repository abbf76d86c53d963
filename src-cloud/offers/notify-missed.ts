import type { Lead } from '../../src-shared/domain/lead';
import { Store } from '../../src-shared/domain/tenant';
import type { OfferAlert } from '../../src-shared/presence/offer-alert';
import { missedEmail, missedText, type MissedFacts } from './missed-wording';
import type { OfferServices } from './offer-services';

export interface MissedOffer {
  tenantId: string;
  alert: OfferAlert;
}

/**
 * After a missed offer committed: a text to the store's SMS notification number and an email
 * to each of its sales-lead addresses. A failed send is logged (never with the body, which
 * quotes the customer) and changes nothing else: the offer stays missed, the lead unassigned
 * and awaiting a response. A lead someone has taken by hand in the meantime needs no alarm.
 */
export async function notifyMissed(services: OfferServices, missed: MissedOffer): Promise<void> {
  const { alert, tenantId } = missed;
  const [found] = await services.db.query<{ store: unknown; lead: Lead | null }>(
    `SELECT s.row AS store, l.row AS lead FROM stores s
     LEFT JOIN leads l ON l.tenant_id = s.tenant_id AND l.id = $3 AND NOT l.deleted
     WHERE s.tenant_id = $1 AND s.id = $2 AND NOT s.deleted`,
    [tenantId, alert.storeId, alert.leadId],
  );
  if (!found?.lead || found.lead.assignedUserId !== null) return;
  const store = Store.parse(found.store);
  const facts: MissedFacts = { alert, email: found.lead.email, timeZone: store.timeZone };
  const { smsNotificationNumber, salesLeadEmails } = store.contacts;
  const failed = (what: string, to: string) => (error: unknown) =>
    services.log.error(
      { offerId: alert.offerId, to, err: error instanceof Error ? error.message : String(error) },
      `missed-lead ${what} not sent`,
    );

  const sends: Promise<void>[] = [];
  if (smsNotificationNumber) {
    const text = { from: store.textingNumber, to: smsNotificationNumber, body: missedText(facts) };
    sends.push(services.texter.send(text).catch(failed('text', smsNotificationNumber)));
  }
  const email = missedEmail(facts);
  for (const to of salesLeadEmails)
    sends.push(services.mailer.send({ to, ...email }).catch(failed('email', to)));
  await Promise.all(sends);
}
