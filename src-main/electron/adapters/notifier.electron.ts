import { app } from 'electron';
import notifier from 'node-notifier';
import type { Notifier } from '../../core/ports';

/**
 * System notifications through node-notifier. Windows shows a toast only for an app with an
 * AppUserModelId matching the one the installer registered, so it is set before the first one.
 */
export function createNodeNotifier(options: {
  appId: string;
  platform?: NodeJS.Platform;
}): Notifier {
  if ((options.platform ?? process.platform) === 'win32') app.setAppUserModelId(options.appId);

  function notify(title: string, message: string, sound: boolean, onClick?: () => void): void {
    // `wait` keeps the callback until the person acts, so a click can be reported.
    const wait = onClick !== undefined;
    notifier.notify(
      { title, message, sound, wait, appID: options.appId },
      (error, response, metadata) => {
        if (error) {
          console.warn('[showroom notifier] the notification was not shown:', error.message);
          return;
        }
        if (onClick && isClick(response, metadata?.activationType)) onClick();
      },
    );
  }

  return {
    toast({ title, body, sound, onClick }) {
      notify(title, body, sound ?? false, onClick);
    },
    ring() {
      // One toast with the system sound. The repeating ring belongs to the lead alert window
      // (the offers issue), which can play our own sound until the returned stop is called.
      notify('Showroom', 'A new lead is waiting', true);
      return () => {};
    },
  };
}

/**
 * node-notifier reports a click as the response "activate" (SnoreToast on Windows, macOS) or,
 * on macOS, an activationType of "contentsClicked"; a timeout or dismissal is anything else.
 */
function isClick(response: string | undefined, activationType: string | undefined): boolean {
  const said = (response ?? '').toLowerCase();
  return said === 'activate' || said === 'clicked' || activationType === 'contentsClicked';
}
