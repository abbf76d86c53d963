import { useId } from 'react';
import type { DesktopSettingsPatch } from '../../src-shared/presence/settings';
import { useSettings } from './settings-store';
import { useSettingDraft } from './use-setting-draft';
import { SettingError } from './SettingError';

type BooleanSetting = 'autoPresence' | 'startOnLogin' | 'openConsoleAtLogin' | 'playSounds';

const asIs = (value: boolean) => ({ ok: true as const, value });

/** A yes/no setting, saved the moment it is ticked. */
export function SettingCheckbox(props: {
  name: BooleanSetting;
  label: string;
  hint?: string;
  testId: string;
}) {
  const { name, label, hint, testId } = props;
  const saved = useSettings((s) => s.settings?.[name] ?? false);
  const draft = useSettingDraft(saved, asIs, (value) =>
    useSettings.getState().save({ [name]: value } as DesktopSettingsPatch),
  );
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, draft.error ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="setting setting-checkbox">
      <input
        id={id}
        type="checkbox"
        checked={draft.shown}
        aria-invalid={draft.error ? true : undefined}
        aria-describedby={describedBy || undefined}
        data-testid={testId}
        onChange={(event) => draft.change(event.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="setting-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <SettingError id={`${id}-error`} field={name} error={draft.error} />
    </div>
  );
}
