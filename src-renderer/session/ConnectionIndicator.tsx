import { useId, useRef, useState } from 'react';
import { Popover } from '../lib/Popover';
import { useDismiss } from '../lib/use-dismiss';
import { describeConnection } from './describe-connection';
import { useSession } from './session-store';
import { SyncProgressBar } from './SyncProgressBar';

/**
 * The top bar's word on the cloud: online / connecting / offline with the reason, the changes
 * still waiting to send, and the catch-up while it runs. Hover for the sentence, click for it
 * and the details.
 */
export function ConnectionIndicator() {
  const connection = useSession((s) => s.connection);
  const words = describeConnection(connection);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const panelId = useId();
  useDismiss(open, [button, panel], () => setOpen(false));

  return (
    <div className="connection">
      <span className="visually-hidden" role="status">
        {words.label}
        {words.reason && ` (${words.reason})`}
      </span>
      <button
        ref={button}
        type="button"
        className={`connection-button connection-${words.tone}`}
        data-testid="connection-indicator"
        data-state={connection?.state ?? 'unknown'}
        data-reason={connection?.reason ?? undefined}
        data-pending={connection?.pendingMutations ?? 0}
        title={[words.detail, words.progress, words.pending].filter(Boolean).join('\n')}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen(!open)}
      >
        <span className="connection-dot" aria-hidden />
        <span data-testid="connection-label">
          {words.label}
          {words.reason && ` (${words.reason})`}
        </span>
        {words.pending && (
          <span className="connection-pending" data-testid="pending-changes">
            {words.pending}
          </span>
        )}
      </button>
      {connection?.syncProgress && (
        <div className="connection-sync">
          <span className="visually-hidden">{words.progress}</span>
          <SyncProgressBar progress={connection.syncProgress} label="Catching up with the cloud" />
        </div>
      )}
      {open && (
        <Popover anchor={button} align="end">
          <div
            ref={panel}
            id={panelId}
            className="connection-details"
            role="dialog"
            aria-label="Connection"
            data-testid="connection-details"
            onKeyDown={(event) => {
              if (event.key !== 'Escape') return;
              setOpen(false);
              button.current?.focus();
            }}
          >
            <p className="connection-details-state">
              {words.label}
              {words.reason && ` · ${words.reason}`}
            </p>
            <p data-testid="connection-message">{words.detail}</p>
            {connection?.cloudUrl && (
              <p className="connection-details-url">{connection.cloudUrl}</p>
            )}
            {words.progress && <p>{words.progress}</p>}
            {connection && connection.state !== 'signed_out' && (
              <p>{words.pending ?? 'Every change made here has reached the cloud.'}</p>
            )}
          </div>
        </Popover>
      )}
    </div>
  );
}
