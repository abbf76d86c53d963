import { BrowserWindow, shell } from 'electron';
import type { BrowserWindowConstructorOptions, WebContents, WebPreferences } from 'electron';
import { contentSecurityPolicy, withContentSecurityPolicy } from './csp';
import { safeExternalUrl } from './external-url';
import { isAppUrl, type RendererLocation } from './renderer-location';

/**
 * DESIGN §10: the renderer gets the preload's API and nothing of Node or Electron. Every
 * window of ours (the console, the lead alerts) uses these.
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
  };
}

export function consoleWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    title: 'Showroom',
    // Shown on ready-to-show, so the agent never sees a blank white frame.
    show: false,
    webPreferences: { ...secureWebPreferences(preloadPath), spellcheck: true },
  };
}

/**
 * The console window, hardened before it loads anything. A login start keeps it hidden
 * (`showWhenReady: false`): it loads in the background and the tray shows it when asked.
 */
export function createConsoleWindow(
  preloadPath: string,
  location: RendererLocation,
  { showWhenReady = true }: { showWhenReady?: boolean } = {},
): BrowserWindow {
  const window = new BrowserWindow(consoleWindowOptions(preloadPath));
  hardenWebContents(window.webContents, location);
  if (showWhenReady) window.once('ready-to-show', () => window.show());
  return window;
}

/** Restores, shows and focuses a window (a second launch, a lead that needs the agent). */
export function bringToFront(window: BrowserWindow): void {
  if (window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

/**
 * Keeps the page where we put it: no navigation or redirect away from the app, no new
 * windows (https links go to the OS browser), no permission prompts, and our CSP on every
 * response.
 */
export function hardenWebContents(webContents: WebContents, location: RendererLocation): void {
  webContents.on('will-navigate', (event) => {
    if (!isAppUrl(location, event.url)) event.preventDefault();
  });
  webContents.on('will-redirect', (event) => {
    if (!isAppUrl(location, event.url)) event.preventDefault();
  });
  webContents.on('will-attach-webview', (event) => event.preventDefault());

  webContents.setWindowOpenHandler(({ url }) => {
    const external = safeExternalUrl(url);
    if (external) {
      shell.openExternal(external).catch((error: unknown) => {
        console.warn('could not open the link in the browser:', error);
      });
    }
    return { action: 'deny' };
  });

  const { session } = webContents;
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);

  const policy = contentSecurityPolicy(location);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, policy) });
  });
}
