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

  function notify(title: string, message: string, sound: boolean): void {
    notifier.notify({ title, message, sound, appID: options.appId }, (error) => {
      if (error) console.warn('[showroom notifier] the notification was not shown:', error.message);
    });
  }

  return {
    toast({ title, body }) {
      notify(title, body, false);
    },
    ring() {
      // One toast with the system sound. The repeating ring belongs to the lead alert window
      // (the offers issue), which can play our own sound until the returned stop is called.
      notify('Showroom', 'A new lead is waiting', true);
      return () => {};
    },
  };
}
