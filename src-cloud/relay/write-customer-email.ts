import type { Lead } from '../../src-shared/domain/lead';
import { messagePreview } from '../../src-shared/domain/message-preview';
import { conversationOf } from '../inbound/receive-inbound';
import { fillGaps } from '../inbound/lead-of-sender';
import { offerToOnlineAgents } from '../offers/make-offer';
import { notifyMissed, type MissedOffer } from '../offers/notify-missed';
import { keepAttachments } from './attachments';
import type { ArrivedEmail } from './arrived-email';
import { clipBody, mediaUrlOf, type RelayServices } from './relay-services';
import { stripQuoted } from './strip-quoted';
import { hasOpenOffer, leadAndStore } from './thread-rows';
import type { RelayTarget } from './relay-addresses';
import type { GroupedWrites } from '../sync/grouped-writes';
import { writeInboundEmail } from './write-inbound-email';

/**
 * The customer wrote (receive-inbound's rules, for a lead the relay address already names): the
 * message, quoted history stripped, with its attachments, in the lead's email conversation; the
 * lead awaits a response; an unassigned lead with no offer ringing rings at the store's online
 * agents. The raw source is kept in relay_emails.
 */
export async function writeCustomerEmail(
  services: RelayServices,
  batches: GroupedWrites,
  target: RelayTarget,
  email: ArrivedEmail,
): Promise<void> {
  const { tenantId } = target;
  const now = services.now();
  const missed = await batches.write(tenantId, async (tx, write) => {
    const { lead: found, store } = await leadAndStore(tx, tenantId, target.leadId);
    const kept = await keepAttachments(tx, target, email.attachments, mediaUrlOf(services), now);
    const body = clipBody([stripQuoted(email.text), ...kept.notKept].filter(Boolean).join('\n\n'));
    const preview = messagePreview({ body, media: kept.media });
    const [firstName, ...rest] = (email.fromName ?? '').split(' ');
    const lead: Lead = {
      ...found,
      ...fillGaps(found, {
        phone: null,
        email: email.fromAddress,
        firstName: firstName || null,
        lastName: rest.join(' ') || null,
      }),
      awaitingSince: found.awaitingSince ?? now,
      lastMessageAt: now,
      lastMessagePreview: preview,
      lastChannel: 'email',
      updatedAt: now,
    };
    await write.update('leads', lead);
    const { conversation } = await conversationOf(tx, write, lead, 'email', now);
    await writeInboundEmail(tx, write, {
      tenantId,
      conversation,
      email,
      body,
      media: kept.media,
      kind: 'customer',
      errorCode: null,
      now,
    });
    // As receive-inbound: a Dead lead rings nowhere; an assigned one is its agent's to answer.
    const rings =
      lead.assignedUserId === null &&
      lead.status !== 'dead' &&
      !lead.optedOut &&
      !(await hasOpenOffer(tx, tenantId, lead.id));
    if (!rings) return null;
    const offer = await offerToOnlineAgents(tx, {
      tenantId,
      lead,
      store,
      firstMessage: preview,
      now,
    });
    return offer.missed;
  });
  if (missed) notifyLater(services, missed);
}

/** The missed-lead notices go out after the commit, without holding up the SMTP answer. */
function notifyLater(services: RelayServices, missed: MissedOffer): void {
  notifyMissed(services, missed).catch((error: unknown) =>
    services.log.error({ err: error, offerId: missed.alert.offerId }, 'missed-lead notices failed'),
  );
}
