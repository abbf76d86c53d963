import { useState } from 'react';
import type { Message } from '../../../src-shared/domain/conversation';
import { formatStoreTime } from '../../../src-shared/domain/store-time';
import { useDirectory } from '../../directory/directory-store';
import { ScheduleForm } from '../composer/ScheduleForm';
import { cancelScheduledMessage, rescheduleMessage } from './scheduled-changes';
import { useThread } from './thread-store';

/**
 * Edit (a new time) and Cancel under a message still waiting to go out, for its author and for
 * managers: the cloud's rule (src-cloud/mutations/scheduled-messages.ts), asked first here so
 * that nobody is offered a button the cloud would refuse. Cancel asks once more.
 */
export function ScheduledMessageActions({ message }: { message: Message }) {
  const me = useDirectory((s) => s.directory?.me ?? null);
  const storeId = useThread((s) => s.detail?.lead.storeId ?? null);
  const timeZone = useDirectory((s) =>
    storeId ? (s.storesById.get(storeId)?.timeZone ?? null) : null,
  );
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  if (message.status !== 'scheduled' || message.scheduledAt === null || !me || !timeZone) {
    return null;
  }
  const allowed = message.authorUserId === me.id || me.role !== 'agent';
  const when = formatStoreTime(message.scheduledAt, timeZone);

  return (
    <div className="scheduled-actions" data-testid="scheduled-actions">
      <span className="scheduled-store-time" data-testid="scheduled-store-time">
        Goes out {when} (store time)
      </span>
      {allowed && !editing && !confirming && (
        <span className="scheduled-buttons">
          <button
            type="button"
            className="button-quiet"
            data-testid="scheduled-edit"
            aria-label={`Change when this message goes out (${when})`}
            onClick={() => setEditing(true)}
          >
            Edit
          </button>
          <button
            type="button"
            className="button-quiet"
            data-testid="scheduled-cancel"
            aria-label="Cancel this scheduled message"
            onClick={() => setConfirming(true)}
          >
            Cancel
          </button>
        </span>
      )}
      {confirming && (
        <span className="scheduled-confirm" role="group" aria-label="Cancel the scheduled message?">
          Cancel it? It will not be sent.{' '}
          <button
            type="button"
            className="button-small"
            data-testid="scheduled-cancel-confirm"
            autoFocus
            onClick={() => {
              setConfirming(false);
              void cancelScheduledMessage(message.id);
            }}
          >
            Yes, cancel it
          </button>
          <button
            type="button"
            className="button-quiet"
            data-testid="scheduled-cancel-keep"
            onClick={() => setConfirming(false)}
          >
            Keep it
          </button>
        </span>
      )}
      {editing && (
        <ScheduleForm
          timeZone={timeZone}
          initial={message.scheduledAt}
          label="Change when this message goes out"
          submitLabel="Save new time"
          onSave={(at) => rescheduleMessage(message.id, at)}
          onCancel={() => setEditing(false)}
        />
      )}
    </div>
  );
}
