import AutoLaunch from 'auto-launch';
import type { AutoStart } from '../../core/ports';

/**
 * "Start Showroom on login" (DESIGN §6) for the installed executable. It starts hidden: the
 * presence monitor lives in the tray, and "Open the console at login" is a separate setting.
 */
export function createAutoLaunchAutoStart(options: {
  name: string;
  executable: string;
}): AutoStart {
  const launcher = new AutoLaunch({ name: options.name, path: options.executable, isHidden: true });
  return {
    isEnabled: () => launcher.isEnabled(),
    setEnabled: (enabled) => (enabled ? launcher.enable() : launcher.disable()),
  };
}
