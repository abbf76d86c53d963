import {
  blankBusinessContact,
  PURPOSE_LABELS,
  type BusinessContactDraft,
  type ContactPurpose,
} from '../../src-shared/contact-settings/business-contact';
import { CONTACT_PURPOSES } from '../../src-shared/domain/store-contacts';
import { Field } from './Field';
import type { ContactSettingsForm } from './use-contact-settings-form';

const TEXT_FIELDS: {
  field: keyof Omit<BusinessContactDraft, 'purpose'>;
  label: string;
  required?: boolean;
  inputMode?: 'email' | 'tel';
}[] = [
  { field: 'title', label: 'Title' },
  { field: 'firstName', label: 'First name' },
  { field: 'lastName', label: 'Last name' },
  { field: 'email', label: 'Email', required: true, inputMode: 'email' },
  { field: 'phone', label: 'Phone', required: true, inputMode: 'tel' },
];

const testIdOf = (field: string) =>
  `business-contact-${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** Seed 002's business contacts: rows added and removed; email and phone required. */
export function BusinessContactsSection({ form }: { form: ContactSettingsForm }) {
  const contacts = form.draft.businessContacts;
  const update = (index: number, patch: Partial<BusinessContactDraft>) =>
    form.change({
      businessContacts: contacts.map((c, i) => (i === index ? { ...c, ...patch } : c)),
    });
  return (
    <fieldset className="settings-group">
      <legend>Business contacts</legend>
      {contacts.length === 0 && <p className="cs-hint">No business contacts yet.</p>}
      {contacts.map((contact, index) => {
        const key = `businessContacts.${index}`;
        return (
          <fieldset key={index} className="cs-row" data-testid="business-contact">
            <legend>Contact {index + 1}</legend>
            {TEXT_FIELDS.map(({ field, label, required, inputMode }) => (
              <Field
                key={field}
                label={label}
                required={required}
                inputMode={inputMode}
                testId={testIdOf(field)}
                value={contact[field]}
                error={form.errorFor(`${key}.${field}`)}
                onChange={(value) => update(index, { [field]: value })}
                onBlur={() => form.touch(`${key}.${field}`)}
              />
            ))}
            <div className="cs-field">
              <label htmlFor={`${key}-purpose`}>Purpose</label>
              <select
                id={`${key}-purpose`}
                data-testid="business-contact-purpose"
                value={contact.purpose}
                onChange={(e) => update(index, { purpose: e.target.value as ContactPurpose })}
              >
                {CONTACT_PURPOSES.map((purpose) => (
                  <option key={purpose} value={purpose}>
                    {PURPOSE_LABELS[purpose]}
                  </option>
                ))}
              </select>
            </div>
            <button
              type="button"
              className="button-quiet cs-remove"
              data-testid="business-contact-remove"
              onClick={() =>
                form.change({ businessContacts: contacts.filter((_, i) => i !== index) })
              }
            >
              Remove contact {index + 1}
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="button-quiet"
        data-testid="business-contact-add"
        onClick={() => form.change({ businessContacts: [...contacts, blankBusinessContact()] })}
      >
        Add a business contact
      </button>
    </fieldset>
  );
}
