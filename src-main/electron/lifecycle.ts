import { app, dialog } from 'electron';

/**
 * One Showroom per OS user: a second launch (a double-click on the shortcut, the login item
 * while it already runs) hands over to the first, which shows its console.
 */
export function claimSingleInstance(onSecondLaunch: () => void): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', onSecondLaunch);
  return true;
}

/** Until the tray exists (presence issue), closing the console quits the app. */
export function quitWhenAllWindowsClosed(): void {
  app.on('window-all-closed', () => app.quit());
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
