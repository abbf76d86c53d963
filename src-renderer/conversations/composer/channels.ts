import {
  cannotStartConversation,
  cannotTextFrom,
} from '../../../src-shared/domain/conversation-start';
import type { Channel, Conversation } from '../../../src-shared/domain/conversation';
import type { Lead } from '../../../src-shared/domain/lead';
import type { LeadSource } from '../../../src-shared/domain/lead-status';
import type { Store } from '../../../src-shared/domain/tenant';

export interface ChannelOption {
  channel: Channel;
  /** Why nothing can be sent on it (no conversation, and only the customer can start one). */
  blocked: string | null;
}

/** The channels an agent writes on, in the order a choice lists them. */
const WRITABLE: readonly Channel[] = ['sms', 'email', 'chat', 'messenger'];

/** The channel a lead came in on, for a lead with no conversation yet. */
const SOURCE_CHANNEL: Record<LeadSource, Channel> = {
  Text: 'sms',
  Chat: 'chat',
  Email: 'email',
  Facebook: 'messenger',
  Phone: 'sms',
  'ADF import': 'email',
  Website: 'email',
};

/**
 * What the composer may send on: every channel the lead already has a conversation on, and
 * those an agent may start (src-shared's rule), the one the customer used last first. With none
 * at all, the lead's own channel, blocked with the reason (a web-chat lead that left no phone).
 * Texts are blocked, saying why, while the store has no texting number (the cloud fails them).
 */
export function channelOptions(
  lead: Pick<Lead, 'firstName' | 'lastName' | 'phones' | 'email' | 'lastChannel' | 'source'>,
  conversations: readonly Pick<Conversation, 'channel' | 'createdAt'>[],
  store: Pick<Store, 'name' | 'textingNumber'> | null = null,
): ChannelOption[] {
  const storeRefusal = (channel: Channel) =>
    channel === 'sms' && store ? cannotTextFrom(store) : null;
  const started = new Set(conversations.map((c) => c.channel));
  const open = WRITABLE.filter(
    (channel) => started.has(channel) || cannotStartConversation(lead, channel) === null,
  );
  if (open.length === 0) {
    const channel = SOURCE_CHANNEL[lead.source];
    const refusal = cannotStartConversation(lead, channel) ?? storeRefusal(channel);
    return [{ channel, blocked: refusal ? capitalise(refusal.reason) : null }];
  }
  const newest = [...conversations]
    .filter((c) => open.includes(c.channel))
    .sort((a, b) => b.createdAt - a.createdAt)[0]?.channel;
  const first =
    lead.lastChannel && open.includes(lead.lastChannel) ? lead.lastChannel : (newest ?? open[0]);
  return [first, ...open.filter((channel) => channel !== first)].map((channel) => {
    const refusal = storeRefusal(channel as Channel);
    return { channel: channel as Channel, blocked: refusal ? capitalise(refusal.reason) : null };
  });
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1) + '.';
}
