import type { Message } from './conversation';

/** The most of a message a queue row shows (Lead.lastMessagePreview). */
export const PREVIEW_MAX = 200;

/**
 * The queue row's one line for a message: whitespace folded, cut with an ellipsis, and an
 * attachment count when there is no text. The cloud, the desktop's optimistic effects and the
 * demo all word it with this, so a preview never changes when the cloud's row replaces ours.
 */
export function messagePreview(message: Pick<Message, 'body' | 'media'>): string {
  const line = message.body.replace(/\s+/g, ' ').trim();
  const count = message.media.length;
  const text = line || (count ? `[${count} attachment${count === 1 ? '' : 's'}]` : '');
  return text.length <= PREVIEW_MAX ? text : `${text.slice(0, PREVIEW_MAX - 1)}…`;
}
