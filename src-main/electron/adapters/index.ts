import { join } from 'node:path';
import type { BrowserWindow } from 'electron';
import type { ConsolePorts } from '../../core/ports';
import { createAutoLaunchAutoStart } from './auto-start.electron';
import { createPowerMonitorIdleSource } from './idle-source.electron';
import { createNodeNotifier } from './notifier.electron';
import { createSafeStorageSecretStore } from './secret-store.electron';
import { createElectronSettingsStore } from './settings-store.electron';
import { createBrowserWindowShell } from './window-shell.electron';

/** The core's ports in the Electron host. */
export function createElectronPorts(options: {
  appId: string;
  appName: string;
  executable: string;
  userData: string;
  consoleWindow: () => BrowserWindow | null;
}): ConsolePorts {
  return {
    idle: createPowerMonitorIdleSource(),
    notifier: createNodeNotifier({ appId: options.appId }),
    autoStart: createAutoLaunchAutoStart({ name: options.appName, executable: options.executable }),
    secrets: createSafeStorageSecretStore(join(options.userData, 'secrets.json')),
    settings: createElectronSettingsStore(),
    shell: createBrowserWindowShell(options.consoleWindow),
  };
}
