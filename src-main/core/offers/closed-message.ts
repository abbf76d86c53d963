import type { OfferClosed } from '../../../src-shared';

/** What a closing alert says (DESIGN §7): "Taken by Ana Ruiz", or why else it stopped. */
export function closedMessage(closed: OfferClosed, myUserId: string | null): string {
  switch (closed.outcome) {
    case 'accepted':
      if (!closed.acceptedBy) return 'Someone else took this lead';
      return closed.acceptedBy.userId === myUserId
        ? 'You accepted this lead'
        : `Taken by ${closed.acceptedBy.name}`;
    case 'missed':
      return 'Nobody answered in time';
    default:
      return closed.outcome satisfies never;
  }
}

export const UNANSWERED_NOTICE =
  'You were set Away: a lead rang here unanswered while you were away from the desk.';

/** The system notification of a ringing lead: who, and where and what they wrote. */
export function offerToast(offer: { leadName: string; storeName: string; firstMessage: string }) {
  const message = offer.firstMessage.replace(/\s+/g, ' ').trim();
  const excerpt = message.length > 160 ? `${message.slice(0, 159)}…` : message;
  return {
    title: `New lead: ${offer.leadName}`,
    body: excerpt ? `${offer.storeName}: ${excerpt}` : offer.storeName,
  };
}
