/**
 * The OS as the desktop core sees it (DESIGN §3). Electron adapters (`*.electron.ts`) implement
 * these in the Electron host; Node adapters (`*.node.ts`) in the browser host and tests.
 * Later issues fill the presence and offer parts; the shapes are fixed here.
 */

import type { HotkeyAction, ManualPresence, OfferAlert } from '../../src-shared';

export type PresenceSignal =
  | { kind: 'idle-seconds'; seconds: number }
  | { kind: 'lock-screen' }
  | { kind: 'unlock-screen' }
  | { kind: 'suspend' }
  | { kind: 'resume' };

export interface IdleSource {
  /** Starts reporting; returns the function that stops it. */
  start(listener: (signal: PresenceSignal) => void): () => void;
}

/** A system notification. `sound` and `onClick` are honoured where the OS allows them. */
export interface ToastNotice {
  title: string;
  body: string;
  /** Plays the system's notification sound with it (Play sounds on); silent by default. */
  sound?: boolean;
  /** The person clicked the notification (Windows and macOS report it; Linux may not). */
  onClick?: () => void;
}

export interface Notifier {
  toast(notice: ToastNotice): void;
  /** Rings until the returned function is called. */
  ring(): () => void;
}

export interface AutoStart {
  isEnabled(): Promise<boolean>;
  /**
   * Registers (or removes) the login item. Called at every start with the setting, so the
   * registered path follows the app through updates.
   */
  setEnabled(enabled: boolean): Promise<void>;
}

export interface SecretStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}

export interface SettingsStore {
  get<T>(key: string, fallback: T): T;
  set(key: string, value: unknown): void;
}

export type TrayState = 'online' | 'away' | 'extended_away' | 'offline' | 'connecting';

/** What the tray's menu asks of the core (DESIGN §6). */
export type TrayCommand =
  | { kind: 'set-presence'; state: ManualPresence }
  | { kind: 'open-console' }
  | { kind: 'open-settings' }
  | { kind: 'set-play-sounds'; enabled: boolean }
  | { kind: 'switch-user' }
  | { kind: 'quit' };

export interface WindowShell {
  showConsole(): void;
  /** The console, on one of its screens (the tray's Settings). */
  showScreen(screen: 'settings' | 'agents'): void;
  /** The always-on-top alert for a ringing lead (DESIGN §7); one per offer. */
  showLeadAlert(offer: OfferAlert): void;
  /** Closes an offer's alert, showing `message` ("Taken by Ana Ruiz") briefly first. */
  closeLeadAlert(offerId: string, message: string): void;
  /** The tray icon for this state, its tooltip ("Away: idle"), and the Play sounds tick. */
  setTrayState(state: TrayState, tooltip: string, playSounds: boolean): void;
  /** Tray menu choices come back through here. */
  onTrayCommand(listener: (command: TrayCommand) => void): () => void;
}

/** System-wide shortcuts that work while the app is in the background. */
export interface Hotkeys {
  /**
   * Replaces every registration with these; answers the actions whose keys the OS refused
   * (taken by another program, or not a valid combination).
   */
  register(
    bindings: Record<HotkeyAction, string>,
    pressed: (action: HotkeyAction) => void,
  ): HotkeyAction[];
  unregisterAll(): void;
}

export interface ConsolePorts {
  idle: IdleSource;
  notifier: Notifier;
  autoStart: AutoStart;
  secrets: SecretStore;
  settings: SettingsStore;
  shell: WindowShell;
  hotkeys: Hotkeys;
}
