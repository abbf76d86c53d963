import { useId, useState } from 'react';
import type { CrmChoice } from '../../../../src-shared/crm/crm-choice';
import { leadDisplayName, type Lead } from '../../../../src-shared/domain/lead';
import {
  LEAD_STATUSES,
  LEAD_STATUS_LABELS,
  type LeadStatus,
} from '../../../../src-shared/domain/lead-status';
import type { Store } from '../../../../src-shared/domain/tenant';
import { sendChange } from '../../../changes/send-change';
import { changeStatus } from '../../lead-status/change-status';
import { updateLead } from '../update-lead';
import { crmConfigured, CrmChoiceField, initialCrmChoice } from './CrmChoiceField';
import { sendToCrm } from './send-crm';

/** Dead is an opt-out, with its own reason (OptControls), never a wrap-up. */
const WRAP_UP_STATUSES = LEAD_STATUSES.filter((s) => s !== 'dead');

/**
 * The end of a conversation (seed 003, issue 6): the status, one of the store's dispositions
 * and the CRM choice its display option asks for, updated together, optionally marking it Done.
 * Each is its own change, so the cloud's rule on each still applies.
 */
export function WrapUpSection({ lead, store }: { lead: Lead; store: Store }) {
  const name = leadDisplayName(lead);
  const who = { id: lead.id, name };
  const [status, setStatus] = useState<LeadStatus>(lead.status);
  const [disposition, setDisposition] = useState(lead.disposition ?? '');
  const [choice, setChoice] = useState<CrmChoice | null>(initialCrmChoice(store.crm));
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const ids = { status: useId(), disposition: useId(), error: useId() };
  const sendsToCrm = crmConfigured(store.crm);
  const dispositions =
    lead.disposition && !store.dispositions.includes(lead.disposition)
      ? [lead.disposition, ...store.dispositions]
      : store.dispositions;

  const finish = async (done: boolean) => {
    if (sendsToCrm && !choice) {
      setError('Pick where this lead goes in the CRM, or Do Not Send.');
      return;
    }
    setError(null);
    let ok = true;
    if (status !== lead.status && lead.status !== 'dead') {
      ok = (await changeStatus(who, status)) !== null && ok;
    }
    if (disposition !== (lead.disposition ?? '')) {
      const patch = { disposition: disposition || null };
      ok = (await updateLead(who, patch, 'the disposition')) !== null && ok;
    }
    if (sendsToCrm && choice) ok = (await sendToCrm(who, choice)) && ok;
    if (done && lead.doneAt === null) {
      ok =
        (await sendChange('markDone', { leadId: lead.id, done: true }, `mark ${name} done`)) !==
          null && ok;
    }
    setSaved(ok ? (done ? 'Marked Done' : 'Updated') : null);
  };

  return (
    <section
      className="details-section"
      aria-labelledby="details-wrap-up-title"
      data-testid="details-wrap-up"
    >
      <h3 id="details-wrap-up-title">End of conversation</h3>
      {/* Not a <form>: it is always on screen, and a page that shows a lead never holds a
          standing form (the hostile-content check); the buttons act themselves. */}
      <div
        className="details-grid-form"
        role="group"
        aria-labelledby="details-wrap-up-title"
        aria-describedby={error ? ids.error : undefined}
      >
        <label htmlFor={ids.status}>Status</label>
        <select
          id={ids.status}
          data-testid="wrap-up-status"
          value={status}
          disabled={lead.status === 'dead'}
          onChange={(event) => setStatus(event.target.value as LeadStatus)}
        >
          {(lead.status === 'dead' ? LEAD_STATUSES : WRAP_UP_STATUSES).map((s) => (
            <option key={s} value={s}>
              {LEAD_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
        <label htmlFor={ids.disposition}>Disposition</label>
        <select
          id={ids.disposition}
          data-testid="wrap-up-disposition"
          value={disposition}
          onChange={(event) => setDisposition(event.target.value)}
        >
          <option value="">None</option>
          {dispositions.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
        <div className="crm-wrap-up-choice">
          <CrmChoiceField crm={store.crm} value={choice} onChange={setChoice} />
        </div>
        {error && (
          <p id={ids.error} className="details-error" role="alert">
            {error}
          </p>
        )}
        <div className="details-buttons">
          <button
            type="button"
            className="button-quiet"
            data-testid="wrap-up-save"
            onClick={() => void finish(false)}
          >
            Update
          </button>
          <button
            type="button"
            className="button-small"
            data-testid="wrap-up-done"
            disabled={lead.doneAt !== null}
            onClick={() => void finish(true)}
          >
            Update and mark Done
          </button>
        </div>
        <span className="visually-hidden" role="status" data-testid="wrap-up-saved">
          {saved ?? ''}
        </span>
      </div>
    </section>
  );
}
