/**
 * The OS as the desktop core sees it (DESIGN §3). Electron adapters (`*.electron.ts`) implement
 * these in the Electron host; Node adapters (`*.node.ts`) in the browser host and tests.
 * Later issues fill the presence and offer parts; the shapes are fixed here.
 */

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

export interface Notifier {
  toast(notice: { title: string; body: string }): void;
  /** Rings until the returned function is called. */
  ring(): () => void;
}

export interface AutoStart {
  isEnabled(): Promise<boolean>;
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

export interface WindowShell {
  showConsole(): void;
  showLeadAlert(leadId: string): void;
  setTrayState(state: 'online' | 'away' | 'extended_away' | 'offline' | 'connecting'): void;
}

export interface ConsolePorts {
  idle: IdleSource;
  notifier: Notifier;
  autoStart: AutoStart;
  secrets: SecretStore;
  settings: SettingsStore;
  shell: WindowShell;
}
