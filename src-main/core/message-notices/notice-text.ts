import {
  leadDisplayName,
  messagePreview,
  type Channel,
  type Lead,
  type Message,
} from '../../../src-shared';

/** How a notification names what arrived, by the conversation's channel. */
const WHAT_ARRIVED: Record<Channel, string> = {
  sms: 'text',
  email: 'email',
  chat: 'chat message',
  messenger: 'Messenger message',
  voice: 'voicemail',
};

/** "New text from Dana Whitfield" over the message's one-line preview. */
export function messageNotice(
  message: Pick<Message, 'body' | 'media'>,
  lead: Pick<Lead, 'firstName' | 'lastName'>,
  channel: Channel | null,
): { title: string; body: string } {
  const what = channel ? WHAT_ARRIVED[channel] : 'message';
  return {
    title: `New ${what} from ${leadDisplayName(lead)}`,
    body: messagePreview(message) || '(no text)',
  };
}

/** One notice for a burst (a reconnect after a while): a pile of toasts helps nobody. */
export function burstNotice(
  count: number,
  leads: Pick<Lead, 'firstName' | 'lastName'>[],
): { title: string; body: string } {
  const [only] = leads;
  return {
    title: `${count} new messages`,
    body:
      only && leads.length === 1
        ? `From ${leadDisplayName(only)}.`
        : `From ${leads.length} of your leads.`,
  };
}
