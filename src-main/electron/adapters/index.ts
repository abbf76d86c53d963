import { join } from 'node:path';
import type { BrowserWindow } from 'electron';
import type { ConsolePorts } from '../../core/ports';
import type { LeadAlerts } from '../lead-alerts';
import { createAutoLaunchAutoStart } from './auto-start.electron';
import { createGlobalShortcutHotkeys } from './hotkeys.electron';
import { createPowerMonitorIdleSource } from './idle-source.electron';
import { createNodeNotifier } from './notifier.electron';
import { createSafeStorageSecretStore } from './secret-store.electron';
import { createElectronSettingsStore } from './settings-store.electron';
import { createBrowserWindowShell, type ElectronWindowShell } from './window-shell.electron';

/** The ports with the Electron shell's extra (the tray to remove on quit). */
export interface ElectronPorts extends ConsolePorts {
  shell: ElectronWindowShell;
}

/** The core's ports in the Electron host. Call once Electron is ready (the tray appears). */
export function createElectronPorts(options: {
  appId: string;
  appName: string;
  executable: string;
  /** A development run registers no login item (it would start the bare Electron binary). */
  isPackaged: boolean;
  userData: string;
  consoleWindow: () => BrowserWindow | null;
  alerts: LeadAlerts;
  quit: () => void;
}): ElectronPorts {
  return {
    idle: createPowerMonitorIdleSource(),
    notifier: createNodeNotifier({ appId: options.appId }),
    autoStart: createAutoLaunchAutoStart({
      name: options.appName,
      executable: options.executable,
      registrable: options.isPackaged,
    }),
    secrets: createSafeStorageSecretStore(join(options.userData, 'secrets.json')),
    settings: createElectronSettingsStore(),
    shell: createBrowserWindowShell({
      consoleWindow: options.consoleWindow,
      alerts: options.alerts,
      quit: options.quit,
    }),
    hotkeys: createGlobalShortcutHotkeys(),
  };
}
