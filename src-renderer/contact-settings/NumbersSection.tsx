import { useId } from 'react';
import { Field } from './Field';
import type { ContactSettingsForm } from './use-contact-settings-form';

const HOURS = Array.from({ length: 24 }, (_, hour) => ({
  value: String(hour),
  label: `${hour % 12 === 0 ? 12 : hour % 12}:00 ${hour < 12 ? 'AM' : 'PM'}`,
}));

/** Seed 002's click-to-call and SMS notification numbers, and when the nightly report goes. */
export function NumbersSection({ form }: { form: ContactSettingsForm }) {
  const hourId = useId();
  return (
    <fieldset className="settings-group">
      <legend>Phone numbers and the nightly report</legend>
      <Field
        label="Click-to-call number"
        hint="Rings for click-to-call. Any phone format."
        testId="contact-click-to-call"
        inputMode="tel"
        value={form.draft.clickToCallNumber}
        error={form.errorFor('clickToCallNumber')}
        onChange={(clickToCallNumber) => form.change({ clickToCallNumber })}
        onBlur={() => form.touch('clickToCallNumber')}
      />
      <Field
        label="SMS notification number"
        hint="A cell phone texted when a lead rang and nobody accepted it. Any phone format."
        testId="contact-sms-number"
        inputMode="tel"
        value={form.draft.smsNotificationNumber}
        error={form.errorFor('smsNotificationNumber')}
        onChange={(smsNotificationNumber) => form.change({ smsNotificationNumber })}
        onBlur={() => form.touch('smsNotificationNumber')}
      />
      <div className="cs-field">
        <label htmlFor={hourId}>Action Expected report time (store’s time zone)</label>
        <select
          id={hourId}
          data-testid="contact-action-expected-hour"
          value={form.draft.actionExpectedHour}
          onChange={(e) => form.change({ actionExpectedHour: e.target.value })}
        >
          {HOURS.map((hour) => (
            <option key={hour.value} value={hour.value}>
              {hour.label}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}
