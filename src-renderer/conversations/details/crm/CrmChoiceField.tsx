import { useId } from 'react';
import { DO_NOT_SEND, type CrmChoice } from '../../../../src-shared/crm/crm-choice';
import type { StoreCrm } from '../../../../src-shared/domain/store-contacts';

/** What the field starts at: none and suppression send; a selection list waits for a pick. */
export function initialCrmChoice(crm: StoreCrm): CrmChoice | null {
  return crm.displayOption === 'selection' ? null : { kind: 'send' };
}

/** The store has somewhere to send to under its display option (else a manager must set it). */
export function crmConfigured(crm: StoreCrm): boolean {
  return crm.displayOption === 'selection'
    ? crm.selectionList.length > 0
    : crm.xmlLeadAddress !== null;
}

const NOT_CONFIGURED =
  'This store has no CRM address yet: a manager sets it in Contact settings, CRM integration.';

/**
 * What the store's display option asks of the agent (seed 002): nothing (the lead goes to the
 * XML lead address), a "Do not send" checkbox, or a list of named addresses with Do Not Send.
 */
export function CrmChoiceField({
  crm,
  value,
  onChange,
}: {
  crm: StoreCrm;
  value: CrmChoice | null;
  onChange: (choice: CrmChoice | null) => void;
}) {
  const selectId = useId();
  if (!crmConfigured(crm)) {
    return (
      <p className="details-text" data-testid="crm-not-configured">
        {NOT_CONFIGURED}
      </p>
    );
  }
  if (crm.displayOption === 'none') {
    return (
      <p className="details-text" data-testid="crm-destination">
        Goes to the CRM at {crm.xmlLeadAddress}
      </p>
    );
  }
  if (crm.displayOption === 'suppression') {
    return (
      <label className="crm-check">
        <input
          type="checkbox"
          data-testid="crm-do-not-send"
          checked={value?.kind === 'doNotSend'}
          onChange={(event) => onChange({ kind: event.target.checked ? 'doNotSend' : 'send' })}
        />
        Do not send to the CRM ({crm.xmlLeadAddress})
      </label>
    );
  }
  const selected =
    value?.kind === 'doNotSend'
      ? 'dns'
      : value?.kind === 'destination'
        ? `d:${crm.selectionList.findIndex((d) => d.name === value.name)}`
        : '';
  return (
    <div className="crm-select">
      <label htmlFor={selectId}>Send to CRM</label>
      <select
        id={selectId}
        data-testid="crm-select"
        value={selected}
        required
        onChange={(event) => {
          const picked = event.target.value;
          const entry = crm.selectionList[Number(picked.slice(2))];
          onChange(
            picked === 'dns'
              ? { kind: 'doNotSend' }
              : picked.startsWith('d:') && entry
                ? { kind: 'destination', name: entry.name }
                : null,
          );
        }}
      >
        <option value="">Choose…</option>
        {crm.selectionList.map((destination, index) => (
          <option key={destination.name} value={`d:${index}`}>
            {destination.name}
          </option>
        ))}
        <option value="dns">{DO_NOT_SEND}</option>
      </select>
    </div>
  );
}
