// The Electron entry, read top to bottom as the start-up sequence (STYLE.md). Each step is
// one named call into src-main/electron/ or the core; the logic lives there.
import { join } from 'node:path';
import { app, ipcMain, type BrowserWindow, type WebContents } from 'electron';
import { createConsoleCore } from './core';
import { startupFromEnv } from './core/demo-data';
import { createElectronPorts } from './electron/adapters';
import { createUtilityProcessCloudLauncher } from './electron/adapters/embedded-cloud.electron';
import { hideToTrayOnClose } from './electron/close-to-tray';
import { registerConsoleIpc } from './electron/ipc';
import { createLeadAlerts } from './electron/lead-alerts';
import {
  claimSingleInstance,
  closeOnQuit,
  exitWithStartupError,
  stayInTrayWhenWindowsClose,
  trackQuitting,
} from './electron/lifecycle';
import { opensConsoleAtStart, wasStartedAtLogin } from './electron/login-start';
import { isAppUrl, rendererUrl, resolveRendererLocation } from './electron/renderer-location';
import { createSenderCheck } from './electron/sender';
import { bringToFront, createConsoleWindow } from './electron/window';

const APP_ID = 'com.showroom.console';
const APP_NAME = 'Showroom';

let consoleWindow: BrowserWindow | null = null;

// Before ready: one instance per OS user, and every renderer sandboxed. A second launch by a
// person shows the console; the login item firing while we already run changes nothing.
if (
  claimSingleInstance((argv) => {
    if (!wasStartedAtLogin(argv) && consoleWindow) bringToFront(consoleWindow);
  })
) {
  app.enableSandbox();
  app.whenReady().then(start).catch(exitWithStartupError);
} else {
  app.quit();
}

async function start(): Promise<void> {
  const location = resolveRendererLocation({
    isPackaged: app.isPackaged,
    devServerUrl: process.env.ELECTRON_RENDERER_URL,
    indexFile: join(import.meta.dirname, '../renderer/index.html'),
  });
  const preload = join(import.meta.dirname, '../preload/index.cjs');
  const isQuitting = trackQuitting();
  stayInTrayWhenWindowsClose();

  // Each page of ours (the console, every lead alert) may call the core and hears its events.
  // Alerts open only once an offer rings, long after `ipc` below exists.
  const senders = createSenderCheck((url) => isAppUrl(location, url));
  const connectPage = (webContents: WebContents) => {
    senders.trust(webContents);
    ipc.forwardEventsTo(webContents);
  };

  const ports = createElectronPorts({
    appId: APP_ID,
    appName: APP_NAME,
    executable: app.getPath('exe'),
    isPackaged: app.isPackaged,
    userData: app.getPath('userData'),
    consoleWindow: () => consoleWindow,
    alerts: createLeadAlerts({ preloadPath: preload, location, onCreated: connectPage }),
    quit: () => app.quit(),
  });
  const core = createConsoleCore({
    ports,
    dataDir: app.getPath('userData'),
    ...startupFromEnv(),
    // "Try it on this PC": the cloud's entry, built beside this one (electron.vite.config.ts).
    embeddedCloud: createUtilityProcessCloudLauncher(join(import.meta.dirname, 'cloud.js')),
  });

  const ipc = registerConsoleIpc({ ipcMain, core, isTrustedSender: senders.isTrustedSender });
  closeOnQuit(() => {
    ports.hotkeys.unregisterAll();
    ports.shell.dispose();
    ipc.dispose();
    void core.close();
  });

  // A login start stays in the tray unless "Open the console at login".
  const showConsole = await opensConsoleAtStart(process.argv, (method, args) =>
    core.call(method, args),
  );
  const window = createConsoleWindow(preload, location, { showWhenReady: showConsole });
  consoleWindow = window;
  window.on('closed', () => (consoleWindow = null));
  hideToTrayOnClose(window, { isQuitting, settings: ports.settings, notifier: ports.notifier });
  connectPage(window.webContents);

  await window.loadURL(rendererUrl(location));
}
