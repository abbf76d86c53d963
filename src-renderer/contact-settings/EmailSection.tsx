import type { EmailListField } from '../../src-shared/contact-settings/settings-form';
import { Field } from './Field';
import type { ContactSettingsForm } from './use-contact-settings-form';

const SEVERAL = 'Several addresses: separate them with semicolons.';

/** Seed 002's "System Contact Settings", plus the Escalate contacts (seed 003). */
const LISTS: { field: EmailListField; label: string; hint: string; testId: string }[] = [
  {
    field: 'salesLeadEmails',
    label: 'Sales lead email addresses',
    hint: `Told about a lead nobody accepted in time. ${SEVERAL}`,
    testId: 'contact-sales-lead-emails',
  },
  {
    field: 'transcriptEmails',
    label: 'Transcript email addresses',
    hint: `Get the transcript of each text or chat conversation marked Done. ${SEVERAL}`,
    testId: 'contact-transcript-emails',
  },
  {
    field: 'actionExpectedEmails',
    label: 'Action Expected report addresses',
    hint: `The nightly list of customers awaiting a reply. Blank: no report. ${SEVERAL}`,
    testId: 'contact-action-expected-emails',
  },
  {
    field: 'onResponseEmails',
    label: 'Escalation (on-response) addresses',
    hint: `Emailed when an agent escalates a lead. ${SEVERAL}`,
    testId: 'contact-on-response-emails',
  },
];

export function EmailSection({ form }: { form: ContactSettingsForm }) {
  return (
    <fieldset className="settings-group">
      <legend>Email addresses</legend>
      {LISTS.map(({ field, label, hint, testId }) => (
        <Field
          key={field}
          label={label}
          hint={hint}
          testId={testId}
          inputMode="email"
          autoComplete="off"
          value={form.draft[field]}
          error={form.errorFor(field)}
          onChange={(value) => form.change({ [field]: value })}
          onBlur={() => form.touch(field)}
        />
      ))}
      <Field
        label="Default email address"
        hint="Used for the sales lead and transcript addresses while those are blank."
        testId="contact-default-email"
        inputMode="email"
        autoComplete="off"
        value={form.draft.defaultEmail}
        error={form.errorFor('defaultEmail')}
        onChange={(defaultEmail) => form.change({ defaultEmail })}
        onBlur={() => form.touch('defaultEmail')}
      />
    </fieldset>
  );
}
