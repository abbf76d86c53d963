import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { HotkeyAction } from '../../../src-shared';
import { createGlobalShortcutHotkeys } from '../../../src-main/electron/adapters/hotkeys.electron';
import { globalShortcut, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

beforeEach(resetFakeElectron);

const DEFAULTS = {
  acceptOffer: 'CommandOrControl+Shift+A',
  oldestAwaiting: 'CommandOrControl+Shift+W',
};

describe('global hotkeys', () => {
  it('registers each binding system-wide and calls back with its action', () => {
    const pressed: HotkeyAction[] = [];
    const refused = createGlobalShortcutHotkeys().register(DEFAULTS, (action) =>
      pressed.push(action),
    );
    expect(refused).toEqual([]);
    expect([...globalShortcut.registered.keys()]).toEqual([
      'CommandOrControl+Shift+A',
      'CommandOrControl+Shift+W',
    ]);
    globalShortcut.press('CommandOrControl+Shift+W');
    globalShortcut.press('CommandOrControl+Shift+A');
    expect(pressed).toEqual(['oldestAwaiting', 'acceptOffer']);
  });

  it('answers the actions whose keys another program holds, and keeps the others', () => {
    globalShortcut.takenByOthers.add('CommandOrControl+Shift+A');
    const pressed: HotkeyAction[] = [];
    const refused = createGlobalShortcutHotkeys().register(DEFAULTS, (action) =>
      pressed.push(action),
    );
    expect(refused).toEqual(['acceptOffer']);
    globalShortcut.press('CommandOrControl+Shift+W');
    expect(pressed).toEqual(['oldestAwaiting']);
  });

  it('answers a combination Electron cannot read instead of throwing', () => {
    const hotkeys = createGlobalShortcutHotkeys();
    let refused: HotkeyAction[] = [];
    expect(() => {
      refused = hotkeys.register(
        { acceptOffer: 'Ctrl+Shift+', oldestAwaiting: 'CommandOrControl+Shift+W' },
        () => {},
      );
    }).not.toThrow();
    expect(refused).toEqual(['acceptOffer']);
    expect([...globalShortcut.registered.keys()]).toEqual(['CommandOrControl+Shift+W']);
  });

  it('refuses the second action on a combination the first already has', () => {
    const refused = createGlobalShortcutHotkeys().register(
      { acceptOffer: 'CommandOrControl+Shift+A', oldestAwaiting: 'commandorcontrol+shift+a' },
      () => {},
    );
    expect(refused).toEqual(['oldestAwaiting']);
  });

  it('replaces every earlier registration', () => {
    const hotkeys = createGlobalShortcutHotkeys();
    const pressed: HotkeyAction[] = [];
    hotkeys.register(DEFAULTS, () => pressed.push('acceptOffer'));
    hotkeys.register({ acceptOffer: 'Alt+F9', oldestAwaiting: 'Alt+F10' }, (action) =>
      pressed.push(action),
    );
    expect([...globalShortcut.registered.keys()]).toEqual(['Alt+F9', 'Alt+F10']);
    globalShortcut.press('CommandOrControl+Shift+A');
    globalShortcut.press('Alt+F9');
    expect(pressed).toEqual(['acceptOffer']);
    expect(globalShortcut.unregisterAll).toHaveBeenCalledTimes(2);
  });

  it('releases every key', () => {
    const hotkeys = createGlobalShortcutHotkeys();
    hotkeys.register(DEFAULTS, () => {});
    hotkeys.unregisterAll();
    expect(globalShortcut.registered.size).toBe(0);
  });
});
