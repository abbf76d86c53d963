import { callCore } from '../../api/request';

/**
 * Tells the others in the lead that this agent is typing (or stopped). Called on every key:
 * the core throttles what it sends and stops by itself after a quiet moment, and a lost
 * "typing" is only a hint, so failures are not worth a notice.
 */
export function reportTyping(leadId: string, typing: boolean): void {
  void callCore('typing', { leadId, typing });
}
