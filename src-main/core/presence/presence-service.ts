import {
  lastActivityAt,
  startPresenceMachine,
  stepPresence,
  type DesktopSettings,
  type LiveClientFrame,
  type ManualPresence,
  type Presence,
  type PresenceInput,
  type PresenceMachine,
} from '../../../src-shared';
import type { EventHub } from '../events';
import type { IdleSource, WindowShell } from '../ports';
import { trayFor, type LiveStatus } from './tray-state';

export interface PresenceServiceOptions {
  idle: IdleSource;
  shell: WindowShell;
  settings(): DesktopSettings;
  /** This install's id in the cloud (device-id.ts). */
  deviceId: string;
  /** Says a frame on the live socket; false when it is not up. */
  send(frame: LiveClientFrame): Promise<boolean>;
  emit: EventHub['emit'];
  now(): number;
}

/**
 * This desk's presence (DESIGN §6): the OS's signals run the pure machine; each change is
 * told to the renderer (`presenceChanged`), the tray, and the cloud (only changes, and the
 * whole presence again on every connect of the live socket).
 */
export class PresenceService {
  private machine: PresenceMachine;
  private live: LiveStatus = 'stopped';
  private shownTray = '';
  private stopIdle: (() => void) | null = null;

  constructor(private readonly options: PresenceServiceOptions) {
    this.machine = startPresenceMachine(options.settings(), options.now());
  }

  get presence(): Presence {
    return this.machine.presence;
  }

  /** Starts listening to the OS and shows the tray. */
  start(): void {
    this.stopIdle ??= this.options.idle.start((signal) => this.step(signal));
    this.showTray();
  }

  /** A person's choice (the tray, the status menu): Away and Offline hold until Online. */
  setManual(state: ManualPresence): Presence {
    this.step({ kind: 'manual', state });
    return this.presence;
  }

  /** A lead rang here unanswered while nobody was at the desk; answers whether it set Away. */
  unanswered(): boolean {
    this.step({ kind: 'unanswered' });
    return this.presence.reason === 'unanswered';
  }

  /** When the person last touched the PC; null when the idle clock cannot say. */
  lastActivityAt(): number | null {
    return lastActivityAt(this.machine, this.options.settings());
  }

  /** New thresholds or automatic presence apply now; the tray's sound tick follows. */
  settingsChanged(): void {
    this.step({ kind: 'tick' });
    this.showTray();
  }

  liveStatus(status: LiveStatus): void {
    const was = this.live;
    this.live = status;
    if (status === 'up' && was !== 'up') this.sendPresence();
    this.showTray();
  }

  /** What a sign-out says last on the socket: this device is offline because it signed out. */
  farewell(): LiveClientFrame {
    return {
      type: 'presence',
      deviceId: this.options.deviceId,
      state: 'offline',
      reason: 'signed_out',
    };
  }

  close(): void {
    this.stopIdle?.();
    this.stopIdle = null;
  }

  private step(input: PresenceInput): void {
    const before = this.machine.presence;
    this.machine = stepPresence(this.machine, input, this.options.settings(), this.options.now());
    if (this.machine.presence === before) return;
    this.options.emit('presenceChanged', this.presence);
    this.sendPresence();
    this.showTray();
  }

  private sendPresence(): void {
    if (this.live !== 'up') return; // said again on the next connect
    const { state, reason } = this.presence;
    void this.options.send({ type: 'presence', deviceId: this.options.deviceId, state, reason });
  }

  private showTray(): void {
    const { state, tooltip } = trayFor(this.presence, this.live);
    const { playSounds } = this.options.settings();
    const key = `${state}|${tooltip}|${playSounds}`;
    if (key === this.shownTray) return;
    this.shownTray = key;
    this.options.shell.setTrayState(state, tooltip, playSounds);
  }
}
