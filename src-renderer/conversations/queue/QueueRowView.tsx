import { memo } from 'react';
import type { QueueRow } from '../../../src-shared/console-api/views';
import { useDirectory } from '../../directory/directory-store';
import { formatQueueTime, formatWaited } from '../../lib/time';
import { useNow } from '../../lib/use-now';
import { ChannelIcon } from '../lead-badges/ChannelIcon';
import { QueueRowLock } from '../lead-lock/QueueRowLock';
import { StatusPicker } from '../lead-status/StatusPicker';
import { NotesHint } from './NotesHint';

interface Props {
  row: QueueRow;
  /** Its place in the whole queue, for tests that read a virtualised list in parts. */
  index: number;
  selected: boolean;
  onOpen(leadId: string): void;
}

/** One lead in the queue, laid out as the Convergix row: who, status, where from, what was said. */
export const QueueRowView = memo(function QueueRowView({ row, index, selected, onOpen }: Props) {
  const storeName = useDirectory((s) => s.storesById.get(row.storeId)?.name ?? '');
  const campaignName = useDirectory((s) =>
    row.campaignId ? (s.campaignsById.get(row.campaignId)?.name ?? '') : '',
  );
  return (
    <div
      className="queue-row"
      data-testid="queue-row"
      data-lead-id={row.id}
      data-index={index}
      data-store-id={row.storeId}
      data-status={row.status}
      data-awaiting-since={row.awaitingSince ?? undefined}
      data-last-message-at={row.lastMessageAt ?? undefined}
      data-selected={selected}
    >
      {/* Covers the row, under the status menu: a button inside a button is not allowed. */}
      <button
        type="button"
        className="queue-row-open"
        aria-label={`Open ${row.name}`}
        aria-pressed={selected}
        onClick={() => onOpen(row.id)}
      />
      <ChannelIcon channel={row.channel} />
      <span className="queue-row-main">
        <span className="queue-row-line">
          <span className="queue-row-name" data-testid="queue-row-name">
            {row.name}
          </span>
          <StatusPicker lead={row} />
          {row.notesExcerpt && <NotesHint excerpt={row.notesExcerpt} leadName={row.name} />}
          <QueueRowLock leadId={row.id} />
        </span>
        <span className="queue-row-origin" data-testid="queue-row-origin">
          {[storeName, campaignName].filter(Boolean).join(' · ')}
        </span>
        <span className="queue-row-preview" data-testid="queue-row-preview">
          {row.lastMessagePreview ?? 'No messages yet'}
        </span>
      </span>
      <span className="queue-row-side">
        {row.lastMessageAt !== null && <QueueTime at={row.lastMessageAt} />}
        {row.awaitingSince !== null && <Waiting since={row.awaitingSince} />}
      </span>
    </div>
  );
});

function QueueTime({ at }: { at: number }) {
  const now = useNow();
  return (
    <time className="queue-row-time" dateTime={new Date(at).toISOString()}>
      {formatQueueTime(at, now)}
    </time>
  );
}

function Waiting({ since }: { since: number }) {
  const now = useNow();
  return (
    <span className="queue-row-waiting" data-testid="queue-row-waiting">
      waiting {formatWaited(since, now)}
    </span>
  );
}
