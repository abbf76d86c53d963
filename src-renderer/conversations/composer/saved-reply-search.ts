import type { SavedReply } from '../../../src-shared/domain/catalog';

/** The replies whose title or text holds every word typed, case-blind, in their order. */
export function matchingReplies(replies: readonly SavedReply[], query: string): SavedReply[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return replies.filter((reply) => {
    const text = `${reply.title} ${reply.body}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
}
