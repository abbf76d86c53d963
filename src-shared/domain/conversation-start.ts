import { leadDisplayName, type Lead } from './lead';
import type { Channel } from './conversation';
import type { Store } from './tenant';

export interface ConversationStartRefusal {
  /** The cloud's rejection code for it. */
  code: 'no_phone' | 'no_email' | 'no_conversation' | 'invalid_channel' | 'no_texting_number';
  /** "Dana Whitfield has no phone number to text" (no final stop: callers add their own). */
  reason: string;
}

/**
 * Whether an agent may start a conversation with the lead on `channel` (the lead has none on it
 * yet): a text needs a phone, an email an address; chat and Messenger only answer the customer
 * (DESIGN §8); a voice call is not written to. Null when it may. The cloud's sendMessage
 * enforces it; the desktop and the composer ask first, for a better message.
 */
export function cannotStartConversation(
  lead: Pick<Lead, 'firstName' | 'lastName' | 'phones' | 'email'>,
  channel: Channel,
  store?: Pick<Store, 'name' | 'textingNumber'>,
): ConversationStartRefusal | null {
  const name = leadDisplayName(lead);
  switch (channel) {
    case 'sms':
      if (lead.phones.length === 0) {
        return { code: 'no_phone', reason: `${name} has no phone number to text` };
      }
      return store ? cannotTextFrom(store) : null;
    case 'email':
      return lead.email === null
        ? { code: 'no_email', reason: `${name} has no email address` }
        : null;
    case 'chat':
    case 'messenger':
      return {
        code: 'no_conversation',
        reason: `only the customer can start a ${channel} conversation`,
      };
    case 'voice':
      return { code: 'invalid_channel', reason: 'a message cannot be sent on a voice call' };
    default:
      throw new Error(`unknown channel ${channel satisfies never}`);
  }
}

/**
 * Whether the store can text at all: a text goes out from its texting number. The cloud's
 * sender fails a text from a store without one with the same words; the composer says it first.
 */
export function cannotTextFrom(
  store: Pick<Store, 'name' | 'textingNumber'>,
): ConversationStartRefusal | null {
  return store.textingNumber === null
    ? {
        code: 'no_texting_number',
        reason: `${store.name} has no texting number: an admin sets it in Contact settings`,
      }
    : null;
}
