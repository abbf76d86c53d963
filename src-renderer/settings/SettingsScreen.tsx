import { useEffect, useRef } from 'react';
import type { DesktopSettings, DesktopSettingsPatch } from '../../src-shared/presence/settings';
import { useScreen } from '../app/screen-store';
import { CallingSettings } from './CallingSettings';
import { parseHotkey, parseWholeMinutes } from './parse-setting';
import { SettingCheckbox } from './SettingCheckbox';
import { SettingText } from './SettingText';
import { useSettings } from './settings-store';

const save = (patch: DesktopSettingsPatch) => useSettings.getState().save(patch);

const HOTKEY_HINT = 'Works while Showroom is in the background. Example: CommandOrControl+Shift+A';

/**
 * This PC's settings (DESIGN §6), from the tray or the user menu. Every change is saved as it
 * is made; a value the core refuses stays in its field with the reason beside it.
 */
export function SettingsScreen(props: { closeLabel: string }) {
  const settings = useSettings((s) => s.settings);
  const loadError = useSettings((s) => s.loadError);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
    void useSettings.getState().load();
  }, []);

  return (
    <main
      className="settings-screen"
      data-testid="settings-screen"
      aria-labelledby="settings-title"
      onKeyDown={(event) => {
        if (event.key === 'Escape') useScreen.getState().back();
      }}
    >
      <div className="screen-head">
        <h1 id="settings-title" ref={heading} tabIndex={-1}>
          Settings
        </h1>
        <button
          type="button"
          className="button-quiet screen-close"
          data-testid="settings-close"
          onClick={() => useScreen.getState().back()}
        >
          {props.closeLabel}
        </button>
      </div>
      <p className="screen-intro">Changes are saved as you make them and apply at once.</p>
      {settings ? (
        <SettingsForm settings={settings} />
      ) : loadError ? (
        <p className="form-error" role="alert" data-testid="settings-load-error">
          {loadError}{' '}
          <button
            type="button"
            className="button-quiet"
            onClick={() => void useSettings.getState().load()}
          >
            Try again
          </button>
        </p>
      ) : (
        <p role="status">Loading the settings…</p>
      )}
    </main>
  );
}

function SettingsForm({ settings }: { settings: DesktopSettings }) {
  return (
    <>
      <fieldset className="settings-group">
        <legend>Presence</legend>
        <SettingCheckbox
          name="autoPresence"
          label="Allow application to set my presence"
          hint="Away when you are idle or lock the screen, Online again when you are back."
          testId="settings-auto-presence"
        />
        <SettingText
          field="awayAfterMinutes"
          saved={String(settings.awayAfterMinutes)}
          parse={parseWholeMinutes}
          save={(awayAfterMinutes) => save({ awayAfterMinutes })}
          before="Set me away after"
          after="minutes idle"
          inputMode="numeric"
          size={4}
          testId="settings-away-minutes"
        />
        <SettingText
          field="extendedAwayAfterMinutes"
          saved={String(settings.extendedAwayAfterMinutes)}
          parse={parseWholeMinutes}
          save={(extendedAwayAfterMinutes) => save({ extendedAwayAfterMinutes })}
          before="Set me extended away after"
          after="minutes"
          inputMode="numeric"
          size={4}
          testId="settings-extended-minutes"
        />
      </fieldset>
      <fieldset className="settings-group">
        <legend>Start-up</legend>
        <SettingCheckbox
          name="startOnLogin"
          label="Start Showroom on login"
          testId="settings-start-on-login"
        />
        <SettingCheckbox
          name="openConsoleAtLogin"
          label="Open the console at login"
          hint="Otherwise Showroom starts in the tray and rings from there."
          testId="settings-open-at-login"
        />
      </fieldset>
      <fieldset className="settings-group">
        <legend>Sounds</legend>
        <SettingCheckbox
          name="playSounds"
          label="Play sounds"
          hint="The ring of a new lead."
          testId="settings-play-sounds"
        />
      </fieldset>
      <fieldset className="settings-group">
        <legend>Hotkeys</legend>
        <SettingText
          field="hotkeys.acceptOffer"
          saved={settings.hotkeys.acceptOffer}
          parse={parseHotkey}
          save={(acceptOffer) => save({ hotkeys: { acceptOffer } })}
          before="Accept the ringing lead"
          size={28}
          hint={HOTKEY_HINT}
          testId="settings-hotkey-accept"
        />
        <SettingText
          field="hotkeys.oldestAwaiting"
          saved={settings.hotkeys.oldestAwaiting}
          parse={parseHotkey}
          save={(oldestAwaiting) => save({ hotkeys: { oldestAwaiting } })}
          before="Jump to the oldest Awaiting Response"
          size={28}
          hint={HOTKEY_HINT}
          testId="settings-hotkey-oldest"
        />
      </fieldset>
      <CallingSettings />
    </>
  );
}
