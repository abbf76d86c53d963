import type { Channel } from '../../src-shared/domain/conversation';
import { leadDisplayName, type Lead } from '../../src-shared/domain/lead';
import { formatStoreTime } from '../../src-shared/domain/store-time';
import type { HistoryLine } from './lead-history';

const CHANNEL_NAMES: Record<Channel, string> = {
  sms: 'Text',
  chat: 'Chat',
  email: 'Email',
  messenger: 'Messenger',
  voice: 'Call',
};

export const channelName = (channel: Channel): string => CHANNEL_NAMES[channel];

/**
 * A conversation as plain text for an email, one message per entry, times in the store's zone:
 * "[Tue, Jan 16, 3:00 PM CST] (Text) Pat Customer: Is it still there?". A message of several
 * lines keeps them, indented, so every entry still starts with its time.
 */
export function transcriptText(
  lines: readonly HistoryLine[],
  lead: Pick<Lead, 'firstName' | 'lastName'>,
  timeZone: string,
  { withChannel }: { withChannel: boolean },
): string {
  if (lines.length === 0) return '(no messages)';
  const customer = leadDisplayName(lead);
  return lines
    .map((line) => {
      const who =
        line.from === 'customer'
          ? customer
          : line.from === 'system'
            ? 'Showroom'
            : (line.author ?? 'Agent');
      const channel = withChannel ? ` (${channelName(line.channel)})` : '';
      const text = line.text.replace(/\r\n?/g, '\n').split('\n').join('\n    ');
      return `[${formatStoreTime(line.at, timeZone)}]${channel} ${who}: ${text}`;
    })
    .join('\n');
}
