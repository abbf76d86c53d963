import { useState } from 'react';
import { markResponded } from './change-status';

/**
 * For a customer who is waiting but needs no answer ("thanks!"): takes the lead out of Awaiting
 * Response. The button leaves with the waiting state when the replica changes.
 */
export function MarkRespondedButton({
  lead,
  testId = 'mark-responded',
}: {
  lead: { id: string; name: string };
  /** Another place on screen (the details pane) names its own, so that each is found alone. */
  testId?: string;
}) {
  const [sending, setSending] = useState(false);
  return (
    <button
      type="button"
      className="button-small"
      data-testid={testId}
      disabled={sending}
      onClick={() => {
        setSending(true);
        void markResponded(lead).finally(() => setSending(false));
      }}
    >
      Mark as responded
    </button>
  );
}
