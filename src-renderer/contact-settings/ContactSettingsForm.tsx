import { useEffect, useRef, useState } from 'react';
import type { Store } from '../../src-shared/domain/tenant';
import { BusinessContactsSection } from './BusinessContactsSection';
import { CrmSection } from './CrmSection';
import { DispositionsSection } from './DispositionsSection';
import { EmailSection } from './EmailSection';
import { NumbersSection } from './NumbersSection';
import { useContactSettingsForm } from './use-contact-settings-form';

/** One store's settings, in seed 002's order, with Save and Reset under them. */
export function ContactSettingsForm({ store }: { store: Store }) {
  const form = useContactSettingsForm(store);
  const problems = form.problemCount;
  const element = useRef<HTMLFormElement>(null);
  // Each refused Save takes the keyboard to the first field to correct, once its error is drawn.
  const [refusals, setRefusals] = useState(0);
  useEffect(() => {
    if (refusals > 0) element.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refusals]);
  return (
    <form
      ref={element}
      className="cs-form"
      noValidate
      aria-label={`Contact settings of ${store.name}`}
      data-testid="contact-settings-form"
      data-store-id={store.id}
      onSubmit={(event) => {
        event.preventDefault();
        void form.save().then((saved) => {
          if (!saved) setRefusals((n) => n + 1);
        });
      }}
    >
      <EmailSection form={form} />
      <BusinessContactsSection form={form} />
      <CrmSection form={form} />
      <DispositionsSection form={form} />
      <NumbersSection form={form} />
      <div className="cs-actions">
        <button
          type="submit"
          className="button-primary"
          data-testid="contact-settings-save"
          disabled={form.saveState === 'saving'}
        >
          Save
        </button>
        <button
          type="button"
          className="button-secondary"
          data-testid="contact-settings-reset"
          disabled={!form.dirty}
          onClick={form.reset}
        >
          Reset
        </button>
        <span className="cs-status" role="status" data-testid="contact-settings-status">
          {form.saveState === 'saved' && !form.dirty ? 'Saved.' : ''}
          {form.saveState === 'saving' ? 'Saving…' : ''}
        </span>
      </div>
      {(problems > 0 || form.formProblem) && (
        <p className="form-error cs-form-error" role="alert" data-testid="contact-settings-error">
          Not saved:{' '}
          {form.formProblem ??
            `${problems} field${problems === 1 ? '' : 's'} to correct, each explained beside it.`}
        </p>
      )}
    </form>
  );
}
