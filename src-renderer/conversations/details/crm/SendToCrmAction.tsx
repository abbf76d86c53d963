import { useState } from 'react';
import type { CrmChoice } from '../../../../src-shared/crm/crm-choice';
import type { Store } from '../../../../src-shared/domain/tenant';
import { crmConfigured, CrmChoiceField, initialCrmChoice } from './CrmChoiceField';
import { sendToCrm } from './send-crm';

/** The sidebar's Send to CRM: opens the store's choice, then sends (or logs a no). */
export function SendToCrmAction({
  lead,
  store,
}: {
  lead: { id: string; name: string };
  store: Store;
}) {
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState<CrmChoice | null>(null);
  const ready = crmConfigured(store.crm);

  if (!open) {
    return (
      <button
        type="button"
        className="button-quiet"
        data-testid="details-send-to-crm"
        onClick={() => {
          setChoice(initialCrmChoice(store.crm));
          setOpen(true);
        }}
      >
        Send to CRM
      </button>
    );
  }
  return (
    <form
      className="crm-form"
      aria-label={`Send ${lead.name} to the CRM`}
      data-testid="crm-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!choice) return;
        void sendToCrm(lead, choice).then((sent) => sent && setOpen(false));
      }}
    >
      <CrmChoiceField crm={store.crm} value={choice} onChange={setChoice} />
      <div className="details-buttons">
        <button
          type="submit"
          className="button-small"
          data-testid="crm-confirm"
          disabled={!ready || !choice}
        >
          {choice?.kind === 'doNotSend' ? 'Log as not sent' : 'Send'}
        </button>
        <button type="button" className="button-quiet" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
