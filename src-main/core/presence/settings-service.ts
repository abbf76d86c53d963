import {
  DesktopSettings,
  fail,
  ok,
  type ApiResult,
  type DesktopSettingsPatch,
  type HotkeyAction,
} from '../../../src-shared';
import { describeError, type CoreLog } from '../log';
import type { AutoStart, SettingsStore } from '../ports';

/** Where the desktop settings live in the SettingsStore (electron-store; `conf` in Node). */
export const DESKTOP_SETTINGS_KEY = 'showroom.desktopSettings';

/** What the tray's Settings screen calls each hotkey, for messages. */
const HOTKEY_NAMES: Record<HotkeyAction, string> = {
  acceptOffer: 'Accept the ringing lead',
  oldestAwaiting: 'Open the oldest Awaiting Response',
};

export interface SettingsServiceOptions {
  store: SettingsStore;
  autoStart: AutoStart;
  /** Registers these keys, answering the actions the OS refused (the hotkeys service). */
  registerHotkeys(bindings: DesktopSettings['hotkeys']): HotkeyAction[];
  /** After a save: the new settings are in force (presence, tray, renderer). */
  applied(settings: DesktopSettings): void;
  log: CoreLog;
}

/**
 * The desktop's own settings (DESIGN §6): read once at start (a damaged value falls back to the
 * defaults, and says so in the log), saved whole after the merged result is checked, applied at
 * once. A save that cannot be applied (a hotkey the OS refuses, a login item it will not change)
 * changes nothing.
 */
export class SettingsService {
  private current: DesktopSettings;

  constructor(private readonly options: SettingsServiceOptions) {
    this.current = load(options.store, options.log);
  }

  get settings(): DesktopSettings {
    return this.current;
  }

  /** At every start: the login item follows the setting (and the app's path), keys registered. */
  async start(): Promise<void> {
    const refused = this.options.registerHotkeys(this.current.hotkeys);
    for (const action of refused) {
      this.options.log({
        level: 'warn',
        what: `the hotkey for "${HOTKEY_NAMES[action]}" was refused by the OS`,
        detail: this.current.hotkeys[action],
      });
    }
    try {
      await this.options.autoStart.setEnabled(this.current.startOnLogin);
    } catch (error) {
      this.options.log({
        level: 'error',
        what: 'registering the login item failed',
        detail: describeError(error),
      });
    }
  }

  async save(patch: DesktopSettingsPatch): Promise<ApiResult<DesktopSettings>> {
    const before = this.current;
    const parsed = DesktopSettings.safeParse({
      ...before,
      ...patch,
      hotkeys: { ...before.hotkeys, ...patch.hotkeys },
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join('.') || 'settings';
      return fail('invalid_arguments', `${field}: ${issue?.message ?? 'not a valid setting'}`);
    }
    const next = parsed.data;

    const keysChanged = JSON.stringify(next.hotkeys) !== JSON.stringify(before.hotkeys);
    if (keysChanged) {
      const refused = this.options.registerHotkeys(next.hotkeys);
      if (refused.length) {
        this.options.registerHotkeys(before.hotkeys);
        const action = refused[0] as HotkeyAction;
        return fail(
          'invalid_arguments',
          `hotkeys.${action}: ${next.hotkeys[action]} for "${HOTKEY_NAMES[action]}" is taken by another program or is not a key combination this system accepts.`,
        );
      }
    }
    if (next.startOnLogin !== before.startOnLogin) {
      try {
        await this.options.autoStart.setEnabled(next.startOnLogin);
      } catch (error) {
        if (keysChanged) this.options.registerHotkeys(before.hotkeys);
        this.options.log({
          level: 'error',
          what: 'changing the login item failed',
          detail: describeError(error),
        });
        return fail(
          'internal',
          'startOnLogin: the login item could not be changed, so nothing was saved; the details are in the log.',
        );
      }
    }
    this.options.store.set(DESKTOP_SETTINGS_KEY, next);
    this.current = next;
    this.options.applied(next);
    return ok(next);
  }
}

function load(store: SettingsStore, log: CoreLog): DesktopSettings {
  let stored: unknown;
  try {
    stored = store.get<unknown>(DESKTOP_SETTINGS_KEY, {});
  } catch (error) {
    log({
      level: 'error',
      what: 'reading the desktop settings failed',
      detail: describeError(error),
    });
    return DesktopSettings.parse({});
  }
  const parsed = DesktopSettings.safeParse(stored);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  log({
    level: 'warn',
    what: 'the stored desktop settings are not valid; using the defaults',
    detail: `${issue?.path.join('.') || 'settings'}: ${issue?.message ?? 'invalid'}`,
  });
  return DesktopSettings.parse({});
}
