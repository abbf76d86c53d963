import type { OfferAlert } from '../../../src-shared';
import type { TrayCommand, TrayState, WindowShell } from '../../core/ports';
import type { PushToPage } from './page-events';

export type ShellCall =
  | { kind: 'showConsole' }
  | { kind: 'showScreen'; screen: 'settings' | 'agents' }
  | { kind: 'showLeadAlert'; offerId: string }
  | { kind: 'closeLeadAlert'; offerId: string; message: string }
  | { kind: 'setTrayState'; state: TrayState; tooltip: string; playSounds: boolean };

/** What the shell was asked so far, as `GET /__test/shell` answers it. */
export interface ShellReport {
  tray: { state: TrayState; tooltip: string; playSounds: boolean } | null;
  /** Offers whose alert is up now. */
  alertsOpen: string[];
  alertsShown: string[];
  alertsClosed: { offerId: string; message: string }[];
  consoleShown: number;
  screensShown: ('settings' | 'agents')[];
}

/**
 * The browser host has no windows or tray of its own: it records what the core asked for and
 * pushes what the page shows in their place (the in-page lead alert, the tray's state). Tray
 * choices come from a test hook (`POST /__test/tray`).
 */
export class RecordingWindowShell implements WindowShell {
  readonly calls: ShellCall[] = [];
  private readonly openAlerts = new Set<string>();
  private readonly trayListeners = new Set<(command: TrayCommand) => void>();

  constructor(private readonly push: PushToPage = () => undefined) {}

  showConsole(): void {
    this.calls.push({ kind: 'showConsole' });
  }

  showScreen(screen: 'settings' | 'agents'): void {
    // The core also emits `showScreen`, which reaches the page as a ConsoleApi event.
    this.calls.push({ kind: 'showScreen', screen });
  }

  showLeadAlert(offer: OfferAlert): void {
    this.calls.push({ kind: 'showLeadAlert', offerId: offer.offerId });
    this.openAlerts.add(offer.offerId);
    this.push('leadAlert', offer);
  }

  closeLeadAlert(offerId: string, message: string): void {
    this.calls.push({ kind: 'closeLeadAlert', offerId, message });
    this.openAlerts.delete(offerId);
    this.push('leadAlertClosed', { offerId, message });
  }

  setTrayState(state: TrayState, tooltip: string, playSounds: boolean): void {
    this.calls.push({ kind: 'setTrayState', state, tooltip, playSounds });
    this.push('tray', { state, tooltip, playSounds });
  }

  onTrayCommand(listener: (command: TrayCommand) => void): () => void {
    this.trayListeners.add(listener);
    return () => {
      this.trayListeners.delete(listener);
    };
  }

  /** Test hook: a choice from the tray's menu. */
  chooseFromTray(command: TrayCommand): void {
    for (const listener of [...this.trayListeners]) listener(command);
  }

  report(): ShellReport {
    let tray: ShellReport['tray'] = null;
    const alertsShown: string[] = [];
    const alertsClosed: ShellReport['alertsClosed'] = [];
    const screensShown: ShellReport['screensShown'] = [];
    let consoleShown = 0;
    for (const call of this.calls) {
      switch (call.kind) {
        case 'showConsole':
          consoleShown += 1;
          break;
        case 'showScreen':
          screensShown.push(call.screen);
          break;
        case 'showLeadAlert':
          alertsShown.push(call.offerId);
          break;
        case 'closeLeadAlert':
          alertsClosed.push({ offerId: call.offerId, message: call.message });
          break;
        case 'setTrayState':
          tray = { state: call.state, tooltip: call.tooltip, playSounds: call.playSounds };
          break;
        default:
          call satisfies never;
      }
    }
    return {
      tray,
      alertsOpen: [...this.openAlerts],
      alertsShown,
      alertsClosed,
      consoleShown,
      screensShown,
    };
  }
}
