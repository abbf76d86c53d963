import type { BrowserWindow } from 'electron';
import type { Notifier, SettingsStore } from '../core/ports';

/** Settings key: the "still running in the tray" notice has been shown (once per OS user). */
export const TRAY_NOTICE_SHOWN_KEY = 'tray.closeNoticeShown';

export const TRAY_NOTICE = {
  title: 'Showroom',
  body: 'Showroom is still running in the tray, so new leads can still reach you. Quit it from the tray icon.',
} as const;

/**
 * Closing the console hides it to the tray, where the presence monitor goes on (DESIGN §6).
 * The first time ever, a notification says so, so the person does not think it quit. Once
 * the app is quitting, or the OS is ending the session (Windows logoff or shutdown, where a
 * refused close would hold the shutdown up), the window closes for real.
 */
export function hideToTrayOnClose(
  window: BrowserWindow,
  options: {
    isQuitting: () => boolean;
    settings: SettingsStore;
    notifier: Pick<Notifier, 'toast'>;
  },
): void {
  let sessionEnding = false;
  window.on('session-end', () => (sessionEnding = true));
  window.on('close', (event) => {
    if (options.isQuitting() || sessionEnding) return;
    event.preventDefault();
    window.hide();
    if (options.settings.get(TRAY_NOTICE_SHOWN_KEY, false)) return;
    options.settings.set(TRAY_NOTICE_SHOWN_KEY, true);
    options.notifier.toast(TRAY_NOTICE);
  });
}
