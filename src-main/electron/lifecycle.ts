import { app, dialog } from 'electron';

/**
 * One Showroom per OS user: a second launch (a double-click on the shortcut, the login item
 * while it already runs) hands its command line over to the first and quits.
 */
export function claimSingleInstance(onSecondLaunch: (argv: string[]) => void): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', (_event, argv) => onSecondLaunch(argv));
  return true;
}

/**
 * Showroom lives in the tray: closing windows never quits it (only the tray's Quit, or the OS
 * ending the session, does). Without a listener Electron would quit when the last one closes.
 */
export function stayInTrayWhenWindowsClose(): void {
  app.on('window-all-closed', () => {});
}

/** Whether the app is on its way out (tray Quit, the OS quitting it), so windows may close. */
export function trackQuitting(): () => boolean {
  let quitting = false;
  app.once('before-quit', () => (quitting = true));
  return () => quitting;
}

/** Runs `close` once, as the app quits, so the replica is closed cleanly. */
export function closeOnQuit(close: () => void): void {
  app.once('will-quit', close);
}

/** A start-up failure is shown to the person, then the app exits with an error code. */
export function exitWithStartupError(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  console.error('[showroom] could not start:', error);
  dialog.showErrorBox('Showroom could not start', message);
  app.exit(1);
}
