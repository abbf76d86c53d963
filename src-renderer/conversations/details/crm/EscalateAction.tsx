import { useId, useState } from 'react';
import type { Store } from '../../../../src-shared/domain/tenant';
import { escalate } from './send-crm';

const NOTE_MAX = 2000;

/** Escalate (seed 003): a note for the store's on-response contacts, with the transcript. */
export function EscalateAction({
  lead,
  store,
}: {
  lead: { id: string; name: string };
  store: Store;
}) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const noteId = useId();
  const to = store.contacts.onResponseEmails;

  if (!open) {
    return (
      <button
        type="button"
        className="button-quiet"
        data-testid="details-escalate"
        onClick={() => setOpen(true)}
      >
        Escalate
      </button>
    );
  }
  return (
    <form
      className="crm-form"
      aria-label={`Escalate ${lead.name}`}
      data-testid="escalate-form"
      onSubmit={(event) => {
        event.preventDefault();
        const text = note.trim();
        if (!text) return;
        void escalate(lead, text).then((sent) => {
          if (!sent) return;
          setOpen(false);
          setNote('');
        });
      }}
    >
      {to.length === 0 ? (
        <p className="details-text" data-testid="escalate-not-configured">
          This store has no on-response address: a manager adds one in Contact settings.
        </p>
      ) : (
        <p className="details-text">Emails {to.join(', ')} your note and the whole conversation.</p>
      )}
      <label htmlFor={noteId}>Note</label>
      <textarea
        id={noteId}
        data-testid="escalate-note"
        value={note}
        maxLength={NOTE_MAX}
        rows={3}
        required
        autoFocus
        onChange={(event) => setNote(event.target.value)}
      />
      <div className="details-buttons">
        <button
          type="submit"
          className="button-small"
          data-testid="escalate-confirm"
          disabled={to.length === 0 || !note.trim()}
        >
          Escalate
        </button>
        <button type="button" className="button-quiet" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
