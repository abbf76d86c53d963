import { leadDisplayName, type Lead } from '../../../src-shared/domain/lead';
import type { ChannelOption } from './channels';

export type ComposerMode = 'message' | 'note';

/**
 * Why the composer cannot be used now, in words shown under it; null when it can. A note is
 * internal, so only a read-only lead (another agent holds it) stops one; a message also stops
 * for a Dead or opted-out lead (DESIGN §5) and a channel nobody can write on.
 */
export function composerDisabledReason(input: {
  mode: ComposerMode;
  lead: Pick<Lead, 'firstName' | 'lastName' | 'status' | 'optedOut'>;
  channel: ChannelOption | null;
  readOnlyReason?: string | null;
}): string | null {
  const { mode, lead, channel, readOnlyReason } = input;
  if (readOnlyReason) return readOnlyReason;
  if (mode === 'note') return null;
  const name = leadDisplayName(lead);
  if (lead.status === 'dead' || lead.optedOut) {
    return `${name} opted out (Dead): nobody can message them until a manager opts them back in. You can still add a note.`;
  }
  if (!channel) return `There is no channel to message ${name} on.`;
  return channel.blocked;
}
