import type { MenuItemConstructorOptions } from 'electron';
import { missingCase, type ManualPresence } from '../../../src-shared';
import type { TrayCommand, TrayState } from '../../core/ports';

/** Which Status item is ticked: "connecting" says nothing of the person, so none is. */
function chosenStatus(state: TrayState): ManualPresence | null {
  switch (state) {
    case 'online':
      return 'online';
    case 'away':
    case 'extended_away':
      return 'away';
    case 'offline':
      return 'offline';
    case 'connecting':
      return null;
    default:
      return missingCase(state);
  }
}

const STATUS_ITEMS: ReadonlyArray<{ label: string; state: ManualPresence }> = [
  { label: 'Online', state: 'online' },
  { label: 'Away', state: 'away' },
  { label: 'Offline', state: 'offline' },
];

/**
 * The tray's right-click menu (DESIGN §6), rebuilt whenever the state or the Play sounds tick
 * changes. Every choice becomes a TrayCommand handed to `send`; nothing here acts on its own.
 */
export function trayMenuTemplate(
  state: TrayState,
  playSounds: boolean,
  send: (command: TrayCommand) => void,
): MenuItemConstructorOptions[] {
  const chosen = chosenStatus(state);
  return [
    {
      label: 'Status',
      submenu: STATUS_ITEMS.map(({ label, state: presence }) => ({
        label,
        type: 'radio' as const,
        checked: presence === chosen,
        click: () => send({ kind: 'set-presence', state: presence }),
      })),
    },
    { type: 'separator' },
    { label: 'Open console', click: () => send({ kind: 'open-console' }) },
    { label: 'Settings', click: () => send({ kind: 'open-settings' }) },
    {
      label: 'Play sounds',
      type: 'checkbox',
      checked: playSounds,
      // Electron flips a checkbox before calling click, so the item holds the new choice.
      click: (item) => send({ kind: 'set-play-sounds', enabled: item.checked }),
    },
    { type: 'separator' },
    { label: 'Switch user', click: () => send({ kind: 'switch-user' }) },
    { label: 'Quit Showroom', click: () => send({ kind: 'quit' }) },
  ];
}

/** Windows cuts a tray tooltip at 127 characters; cut it ourselves, with an ellipsis. */
const TOOLTIP_LIMIT = 127;

export function trayTooltip(text: string): string {
  const full = `Showroom: ${text}`;
  return full.length <= TOOLTIP_LIMIT ? full : `${full.slice(0, TOOLTIP_LIMIT - 1)}…`;
}
