import { Menu, Tray, type NativeImage } from 'electron';
import type { TrayCommand, TrayState } from '../../core/ports';
import { trayIcon } from './tray-icon';
import { trayMenuTemplate, trayTooltip } from './tray-menu';

export interface StatusTray {
  /** The icon, tooltip and menu for this state. */
  show(state: TrayState, tooltip: string, playSounds: boolean): void;
  destroy(): void;
}

/**
 * The presence monitor's home (DESIGN §6): created at start-up, before the core says anything,
 * so a console closed to the tray can always be found again. Menu choices go to `send`; a
 * click on the icon itself goes to `onClick` (open the console).
 */
export function createStatusTray(options: {
  send: (command: TrayCommand) => void;
  onClick: () => void;
}): StatusTray {
  const icons = new Map<TrayState, NativeImage>();
  const iconFor = (state: TrayState): NativeImage => {
    let icon = icons.get(state);
    if (!icon) icons.set(state, (icon = trayIcon(state)));
    return icon;
  };

  // Held here for the life of the app: a Tray that is garbage-collected vanishes.
  const tray = new Tray(iconFor('connecting'));
  tray.on('click', options.onClick);

  const show = (state: TrayState, tooltip: string, playSounds: boolean) => {
    if (tray.isDestroyed()) return;
    tray.setImage(iconFor(state));
    tray.setToolTip(trayTooltip(tooltip));
    tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(state, playSounds, options.send)));
  };
  show('connecting', 'starting', true);

  return {
    show,
    destroy() {
      if (!tray.isDestroyed()) tray.destroy();
    },
  };
}
