import type { DeliveryStatus } from '../../src-shared/domain/conversation';

/** Twilio's message statuses (its MessageStatus) in the words a Showroom message keeps. */
export function deliveryStatusOf(twilioStatus: string): DeliveryStatus | null {
  switch (twilioStatus) {
    case 'accepted':
    case 'scheduled':
    case 'queued':
    case 'sending':
      return 'queued';
    case 'sent':
      return 'sent';
    case 'delivered':
    case 'read':
      return 'delivered';
    case 'undelivered':
      return 'undelivered';
    case 'failed':
    case 'canceled':
      return 'failed';
    default:
      return null; // receiving, received, partially_delivered: not an outbound text's news
  }
}

const FINAL: readonly DeliveryStatus[] = ['delivered', 'undelivered', 'failed'];

function rank(status: DeliveryStatus): number {
  if (FINAL.includes(status)) return 3;
  if (status === 'sent') return 2;
  if (status === 'queued') return 1;
  return 0;
}

/**
 * Whether news `next` may replace `current`. Twilio's callbacks come in any order: a final
 * status (delivered, undelivered, failed) is never changed, and sent never goes back to queued.
 */
export function mayMoveTo(current: DeliveryStatus, next: DeliveryStatus): boolean {
  if (FINAL.includes(current)) return false;
  return rank(next) > rank(current);
}
