import { useId, useState } from 'react';
import { leadDisplayName, type Lead } from '../../../src-shared/domain/lead';
import { sendChange } from '../../changes/send-change';
import { useDirectory } from '../../directory/directory-store';
import { mayLeaveDead } from '../lead-status/change-status';
import { canMessage } from '../thread/LeadHeader';

/**
 * Green: the lead can be messaged; red: it cannot. Any agent opts a lead out (it asked to
 * stop); only a manager opts it back in (Dead -> Hot). Both ask why, which the thread keeps.
 */
export function OptControls({ lead }: { lead: Lead }) {
  const role = useDirectory((s) => s.directory?.me.role ?? 'agent');
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const reasonId = useId();
  const allowed = canMessage(lead);
  const name = leadDisplayName(lead);
  const mayOptIn = !allowed && mayLeaveDead(role);

  const submit = async () => {
    const why = reason.trim();
    if (!why) return;
    const sent = allowed
      ? await sendChange('optOut', { leadId: lead.id, reason: why }, `opt out ${name}`)
      : await sendChange('optIn', { leadId: lead.id, reason: why }, `opt ${name} back in`);
    if (sent) {
      setAsking(false);
      setReason('');
    }
  };

  return (
    <div className="details-opt">
      <span
        className={`opt-pill ${allowed ? 'opt-in' : 'opt-out'}`}
        data-testid="details-opt-state"
        data-can-message={allowed}
      >
        {allowed ? 'Can message' : 'Opted out: do not message'}
      </span>
      {!asking && allowed && (
        <button
          type="button"
          className="button-quiet"
          data-testid="details-opt-out"
          onClick={() => setAsking(true)}
        >
          Opt out
        </button>
      )}
      {!asking && mayOptIn && (
        <button
          type="button"
          className="button-quiet"
          data-testid="details-opt-in"
          onClick={() => setAsking(true)}
        >
          Opt back in
        </button>
      )}
      {asking && (
        <form
          className="details-edit"
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <label htmlFor={reasonId}>{allowed ? 'Why opt out?' : 'Why opt back in?'}</label>
          <input
            id={reasonId}
            data-testid="details-opt-reason"
            value={reason}
            required
            maxLength={500}
            autoFocus
            onChange={(event) => setReason(event.target.value)}
          />
          <button
            type="submit"
            className="button-small"
            data-testid="details-opt-confirm"
            disabled={!reason.trim()}
          >
            {allowed ? 'Opt out' : 'Opt in as Hot'}
          </button>
          <button type="button" className="button-quiet" onClick={() => setAsking(false)}>
            Cancel
          </button>
        </form>
      )}
    </div>
  );
}
