import AutoLaunch from 'auto-launch';
import type { AutoStart } from '../../core/ports';

/**
 * "Start Showroom on login" (DESIGN §6) for the installed executable. It starts hidden
 * (auto-launch adds `--hidden`, see lifecycle.ts): the presence monitor lives in the tray, and
 * "Open the console at login" is a separate setting.
 *
 * The core calls setEnabled(true) at every start. An update may install the app at a new path,
 * and auto-launch cannot tell which path is registered, so an existing login item is removed
 * and written again with today's executable (on macOS enabling twice would add a second item).
 * Calls run one after another, so a start-up call and a settings change cannot interleave.
 *
 * A development build (`registrable: false`, not packaged) registers nothing: the login item
 * would start the bare Electron binary.
 */
export function createAutoLaunchAutoStart(options: {
  name: string;
  executable: string;
  registrable: boolean;
}): AutoStart {
  const launcher = new AutoLaunch({ name: options.name, path: options.executable, isHidden: true });
  let queue: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(task: () => Promise<T>): Promise<T> => {
    const result = queue.then(task);
    queue = result.catch(() => {});
    return result;
  };

  return {
    isEnabled: () =>
      options.registrable ? inTurn(() => launcher.isEnabled()) : Promise.resolve(false),

    setEnabled: (enabled) =>
      inTurn(async () => {
        if (!options.registrable) return;
        try {
          if (await launcher.isEnabled()) await launcher.disable();
          if (enabled) await launcher.enable();
        } catch (error) {
          const why = error instanceof Error ? error.message : String(error);
          throw new Error(
            `the login item could not be ${enabled ? 'registered' : 'removed'}: ${why}`,
            { cause: error },
          );
        }
      }),
  };
}
