// The Electron entry, read top to bottom as the start-up sequence (STYLE.md). Each step is
// one named call into src-main/electron/ or the core; the logic lives there.
import { join } from 'node:path';
import { app, ipcMain, type BrowserWindow } from 'electron';
import { createConsoleCore } from './core';
import { startupFromEnv } from './core/demo-data';
import { createElectronPorts } from './electron/adapters';
import { createUtilityProcessCloudLauncher } from './electron/adapters/embedded-cloud.electron';
import { registerConsoleIpc } from './electron/ipc';
import {
  claimSingleInstance,
  closeOnQuit,
  exitWithStartupError,
  quitWhenAllWindowsClosed,
} from './electron/lifecycle';
import { isAppUrl, rendererUrl, resolveRendererLocation } from './electron/renderer-location';
import { createSenderCheck } from './electron/sender';
import { bringToFront, createConsoleWindow } from './electron/window';

const APP_ID = 'com.showroom.console';
const APP_NAME = 'Showroom';

let consoleWindow: BrowserWindow | null = null;

// Before ready: one instance per OS user, and every renderer sandboxed.
if (claimSingleInstance(() => consoleWindow && bringToFront(consoleWindow))) {
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

  const ports = createElectronPorts({
    appId: APP_ID,
    appName: APP_NAME,
    executable: app.getPath('exe'),
    userData: app.getPath('userData'),
    consoleWindow: () => consoleWindow,
  });
  const core = createConsoleCore({
    ports,
    dataDir: app.getPath('userData'),
    ...startupFromEnv(),
    // "Try it on this PC": the cloud's entry, built beside this one (electron.vite.config.ts).
    embeddedCloud: createUtilityProcessCloudLauncher(join(import.meta.dirname, 'cloud.js')),
  });

  const senders = createSenderCheck((url) => isAppUrl(location, url));
  const ipc = registerConsoleIpc({ ipcMain, core, isTrustedSender: senders.isTrustedSender });
  closeOnQuit(() => {
    ipc.dispose();
    core.close();
  });

  const window = createConsoleWindow(join(import.meta.dirname, '../preload/index.cjs'), location);
  consoleWindow = window;
  window.on('closed', () => (consoleWindow = null));
  senders.trust(window.webContents);
  ipc.forwardEventsTo(window.webContents);
  quitWhenAllWindowsClosed();

  await window.loadURL(rendererUrl(location));
}
