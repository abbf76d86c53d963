import type { Channel } from '../../src-shared/domain/conversation';
import { leadDisplayName, type Lead } from '../../src-shared/domain/lead';
import type { Store } from '../../src-shared/domain/tenant';
import type { HistoryLine } from './lead-history';
import { channelName, transcriptText } from './transcript-text';

/** The channels whose transcript goes to the store when the conversation is marked Done. */
export const TRANSCRIPT_CHANNELS: readonly Channel[] = ['sms', 'chat'];

/** One conversation's transcript for the store's transcript addresses. */
export function transcriptEmail(
  lead: Lead,
  store: Store,
  channel: Channel,
  lines: readonly HistoryLine[],
  closedBy: string,
) {
  const name = leadDisplayName(lead);
  const kind = channelName(channel);
  return {
    subject: `${kind} transcript: ${name} (${store.name})`,
    body: [
      `${kind} conversation with ${name} at ${store.name}, marked Done by ${closedBy}.`,
      `Lead id: ${lead.id}`,
      '',
      transcriptText(lines, lead, store.timeZone, { withChannel: false }),
      '',
    ].join('\n'),
  };
}
