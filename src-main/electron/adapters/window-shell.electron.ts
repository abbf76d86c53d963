import type { BrowserWindow } from 'electron';
import { missingCase } from '../../../src-shared';
import type { TrayCommand, WindowShell } from '../../core/ports';
import { EVENT_CHANNEL } from '../ipc';
import type { LeadAlerts } from '../lead-alerts';
import { createStatusTray } from '../tray/status-tray';
import { bringToFront } from '../window';

export interface ElectronWindowShell extends WindowShell {
  /** Removes the tray icon (on quit). */
  dispose(): void;
}

/**
 * The windows and the tray as the core sees them. The console window may not exist yet (the
 * core starts first) or any more (quitting), hence the getter.
 *
 * Every tray choice goes to the core's listeners. The window part of a choice is done here as
 * well, so the menu works whatever the core makes of it: Open console, Settings and Switch user
 * (its sign-in screen) show the console, and Quit quits once the listeners have heard it.
 */
export function createBrowserWindowShell(options: {
  consoleWindow: () => BrowserWindow | null;
  alerts: LeadAlerts;
  quit: () => void;
}): ElectronWindowShell {
  const listeners = new Set<(command: TrayCommand) => void>();

  function showConsole(): BrowserWindow | null {
    const window = options.consoleWindow();
    if (!window || window.isDestroyed()) return null;
    bringToFront(window);
    return window;
  }

  function showScreen(screen: 'settings' | 'agents'): void {
    const window = showConsole();
    // The same message the core's own events travel in (ipc.ts), so the page needs no second path.
    if (window && !window.webContents.isDestroyed()) {
      window.webContents.send(EVENT_CHANNEL, { event: 'showScreen', payload: { screen } });
    }
  }

  function dispatch(command: TrayCommand): void {
    for (const listener of [...listeners]) {
      try {
        listener(command);
      } catch (error) {
        console.error('[showroom tray] a tray command listener threw:', error);
      }
    }
    switch (command.kind) {
      case 'open-console':
      case 'switch-user':
        showConsole();
        return;
      case 'open-settings':
        showScreen('settings');
        return;
      case 'quit':
        options.quit();
        return;
      case 'set-presence':
      case 'set-play-sounds':
        return; // the core's alone
      default:
        missingCase(command);
    }
  }

  const tray = createStatusTray({
    send: dispatch,
    onClick: () => dispatch({ kind: 'open-console' }),
  });

  return {
    showConsole() {
      showConsole();
    },
    showScreen,
    showLeadAlert(offer) {
      options.alerts.show(offer);
    },
    closeLeadAlert(offerId, message) {
      options.alerts.close(offerId, message);
    },
    setTrayState(state, tooltip, playSounds) {
      tray.show(state, tooltip, playSounds);
    },
    onTrayCommand(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    dispose() {
      tray.destroy();
    },
  };
}
