import { useId } from 'react';
import {
  ADF_WORD_MAX,
  providerName,
  type AdfWordPosition,
} from '../../src-shared/contact-settings/provider-name';
import { CRM_DISPLAY_OPTIONS, type StoreCrm } from '../../src-shared/domain/store-contacts';
import { Field } from './Field';
import { SelectionListEditor } from './SelectionListEditor';
import type { ContactSettingsForm } from './use-contact-settings-form';

type DisplayOption = StoreCrm['displayOption'];

const DISPLAY_LABELS: Record<DisplayOption, { label: string; hint: string }> = {
  none: { label: 'None', hint: 'Always sent to the XML lead address.' },
  suppression: {
    label: 'Suppression checkbox',
    hint: 'The agent may tick “Do not send”; otherwise sent to the XML lead address.',
  },
  selection: {
    label: 'Selection list',
    hint: 'The agent picks an address from the list below, or Do Not Send.',
  },
};

/** Seed 002's "CRM System Integration Settings". */
export function CrmSection({ form }: { form: ContactSettingsForm }) {
  const { draft } = form;
  const ids = useId();
  return (
    <fieldset className="settings-group">
      <legend>CRM integration</legend>
      <Field
        label={`ADF source word (at most ${ADF_WORD_MAX} characters)`}
        testId="crm-adf-word"
        value={draft.adfWord}
        error={form.errorFor('adfWord')}
        onChange={(adfWord) => form.change({ adfWord })}
        onBlur={() => form.touch('adfWord')}
      />
      <fieldset className="cs-radios">
        <legend>Word position</legend>
        {(['before', 'after'] as const).map((position: AdfWordPosition) => (
          <label key={position}>
            <input
              type="radio"
              name={`${ids}-position`}
              value={position}
              data-testid={`crm-adf-position-${position}`}
              checked={draft.adfWordPosition === position}
              onChange={() => form.change({ adfWordPosition: position })}
            />
            {position === 'before' ? 'Before “Showroom”' : 'After “Showroom”'}
          </label>
        ))}
      </fieldset>
      <p className="cs-preview">
        <span id={`${ids}-preview`}>Provider name in the ADF lead: </span>
        <output aria-labelledby={`${ids}-preview`} data-testid="crm-adf-preview">
          {providerName(draft.adfWord, draft.adfWordPosition)}
        </output>
      </p>
      <Field
        label="XML lead address"
        hint="Where ADF leads go (unless the agent picks from the selection list)."
        testId="crm-xml-lead-address"
        inputMode="email"
        value={draft.xmlLeadAddress}
        error={form.errorFor('xmlLeadAddress')}
        onChange={(xmlLeadAddress) => form.change({ xmlLeadAddress })}
        onBlur={() => form.touch('xmlLeadAddress')}
      />
      <fieldset className="cs-radios cs-radios-stacked">
        <legend>What the agent sees at Send to CRM</legend>
        {CRM_DISPLAY_OPTIONS.map((option) => (
          <label key={option}>
            <input
              type="radio"
              name={`${ids}-display`}
              value={option}
              data-testid={`crm-display-${option}`}
              checked={draft.displayOption === option}
              onChange={() => form.change({ displayOption: option })}
            />
            <span>
              {DISPLAY_LABELS[option].label}
              <span className="cs-hint"> — {DISPLAY_LABELS[option].hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <SelectionListEditor
        entries={draft.selectionList}
        onChange={(selectionList) => form.change({ selectionList })}
      />
    </fieldset>
  );
}
