import { useState } from 'react';
import { parseCrmEntry, type CrmEntryDraft } from '../../src-shared/contact-settings/crm-entry';
import type { FormErrors } from '../../src-shared/contact-settings/form-errors';
import { Field } from './Field';
import { AddRow } from './AddRow';

/**
 * Seed 002's "Customer Profile CRM Selection List Options": a display name and an address,
 * Add puts them in the list (checked first), Remove takes one out. "Do Not Send" is always
 * offered to the agent besides these.
 */
export function SelectionListEditor(props: {
  entries: readonly CrmEntryDraft[];
  onChange(entries: CrmEntryDraft[]): void;
}) {
  const { entries, onChange } = props;
  const [adding, setAdding] = useState<CrmEntryDraft>({ name: '', address: '' });
  const [errors, setErrors] = useState<FormErrors>({});

  const add = () => {
    const found: FormErrors = {};
    const entry = parseCrmEntry(adding, 'new', found);
    if (entry && entries.some((e) => e.name.toLowerCase() === entry.name.toLowerCase())) {
      found['new.name'] = `“${entry.name}” is in the list already`;
    }
    setErrors(found);
    if (!entry || Object.keys(found).length > 0) return;
    onChange([...entries, entry]);
    setAdding({ name: '', address: '' });
  };

  return (
    <div className="cs-selection-list">
      <h3 className="cs-subhead">Selection list</h3>
      <ul className="cs-list" aria-label="CRM selection list">
        {entries.map((entry, index) => (
          <li key={`${entry.name}-${index}`} data-testid="crm-entry" data-name={entry.name}>
            <span className="cs-list-text">
              {entry.name} &lt;{entry.address}&gt;
            </span>
            <button
              type="button"
              className="button-quiet"
              data-testid="crm-entry-remove"
              aria-label={`Remove ${entry.name}`}
              onClick={() => onChange(entries.filter((_, i) => i !== index))}
            >
              Remove
            </button>
          </li>
        ))}
        <li className="cs-list-fixed">Do Not Send (always offered)</li>
      </ul>
      <AddRow onAdd={add}>
        <Field
          label="Display name"
          testId="crm-entry-name"
          value={adding.name}
          error={errors['new.name']}
          onChange={(name) => setAdding({ ...adding, name })}
        />
        <Field
          label="Email address"
          testId="crm-entry-address"
          inputMode="email"
          value={adding.address}
          error={errors['new.address']}
          onChange={(address) => setAdding({ ...adding, address })}
        />
        <button
          type="button"
          className="button-secondary"
          data-testid="crm-entry-add"
          onClick={add}
        >
          Add
        </button>
      </AddRow>
    </div>
  );
}
