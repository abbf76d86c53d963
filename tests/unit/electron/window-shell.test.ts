import type { BrowserWindow } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { OfferAlert } from '../../../src-shared';
import type { TrayCommand } from '../../../src-main/core/ports';
import { createBrowserWindowShell } from '../../../src-main/electron/adapters/window-shell.electron';
import { EVENT_CHANNEL } from '../../../src-main/electron/ipc';
import type { LeadAlerts } from '../../../src-main/electron/lead-alerts';
import { FakeBrowserWindow, FakeTray, resetFakeElectron, type FakeMenu } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

beforeEach(resetFakeElectron);

function setUp(window: FakeBrowserWindow | null = new FakeBrowserWindow({})) {
  const alerts: LeadAlerts = { show: vi.fn(), close: vi.fn() };
  const quit = vi.fn();
  const shell = createBrowserWindowShell({
    consoleWindow: () => window as unknown as BrowserWindow | null,
    alerts,
    quit,
  });
  const tray = FakeTray.created[0];
  if (!tray) throw new Error('the shell made no tray');
  /** Plays the person choosing a tray menu item (or the Status submenu's). */
  const choose = (label: string) => {
    const template = (tray.menu as FakeMenu).template;
    const items = [
      ...template,
      ...((template[0]?.submenu ?? []) as Array<Record<string, unknown>>),
    ];
    const item = items.find((candidate) => candidate.label === label);
    (item?.click as (menuItem: { checked: boolean }) => void)({ checked: false });
  };
  return { shell, tray, alerts, quit, window, choose };
}

describe('the window shell', () => {
  it('brings a minimized or hidden console back to the front', () => {
    const { shell, window } = setUp();
    window!.minimized = true;
    shell.showConsole();
    expect(window!.restore).toHaveBeenCalled();
    expect(window!.show).toHaveBeenCalled();
    expect(window!.focus).toHaveBeenCalled();
  });

  it('opens a screen: shows the console and tells its page which screen', () => {
    const { shell, window } = setUp();
    shell.showScreen('agents');
    expect(window!.show).toHaveBeenCalled();
    expect(window!.webContents.sent).toEqual([
      { channel: EVENT_CHANNEL, message: { event: 'showScreen', payload: { screen: 'agents' } } },
    ]);
  });

  it('opens and closes lead alerts through the alert windows', () => {
    const { shell, alerts } = setUp();
    const offer = { offerId: 'o1' } as OfferAlert;
    shell.showLeadAlert(offer);
    shell.closeLeadAlert('o1', 'Taken by Ana Ruiz');
    expect(alerts.show).toHaveBeenCalledWith(offer);
    expect(alerts.close).toHaveBeenCalledWith('o1', 'Taken by Ana Ruiz');
  });

  it('draws the tray state the core gives', () => {
    const { shell, tray } = setUp();
    shell.setTrayState('extended_away', 'Extended away: idle', false);
    expect(tray.toolTip).toBe('Showroom: Extended away: idle');
    const template = (tray.menu as FakeMenu).template;
    expect(template.find((item) => item.label === 'Play sounds')?.checked).toBe(false);
  });

  it('does nothing, and does not throw, before the console exists', () => {
    const { shell, choose } = setUp(null);
    expect(() => {
      shell.showConsole();
      shell.showScreen('settings');
      choose('Open console');
    }).not.toThrow();
  });
});

describe('tray choices', () => {
  it('reach every listener, until it unsubscribes', () => {
    const { shell, choose } = setUp();
    const first: TrayCommand[] = [];
    const second: TrayCommand[] = [];
    const stopFirst = shell.onTrayCommand((command) => first.push(command));
    shell.onTrayCommand((command) => second.push(command));
    choose('Away');
    stopFirst();
    choose('Play sounds');
    expect(first).toEqual([{ kind: 'set-presence', state: 'away' }]);
    expect(second).toEqual([
      { kind: 'set-presence', state: 'away' },
      { kind: 'set-play-sounds', enabled: false },
    ]);
  });

  it('still reach the others when one listener throws', () => {
    const { shell, choose } = setUp();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const heard: TrayCommand[] = [];
    shell.onTrayCommand(() => {
      throw new Error('boom');
    });
    shell.onTrayCommand((command) => heard.push(command));
    choose('Offline');
    expect(heard).toEqual([{ kind: 'set-presence', state: 'offline' }]);
  });

  it('open the console from Open console, Switch user and a click on the icon', () => {
    for (const play of ['Open console', 'Switch user', 'icon'] as const) {
      resetFakeElectron();
      const { shell, choose, tray, window } = setUp();
      const heard: TrayCommand[] = [];
      shell.onTrayCommand((command) => heard.push(command));
      if (play === 'icon') tray.emit('click');
      else choose(play);
      expect(window!.show, play).toHaveBeenCalled();
      expect(heard, play).toEqual([
        { kind: play === 'Switch user' ? 'switch-user' : 'open-console' },
      ]);
    }
  });

  it('open Settings in the console', () => {
    const { choose, window } = setUp();
    choose('Settings');
    expect(window!.show).toHaveBeenCalled();
    expect(window!.webContents.sent).toEqual([
      { channel: EVENT_CHANNEL, message: { event: 'showScreen', payload: { screen: 'settings' } } },
    ]);
  });

  it('quit for real, once the listeners have heard it', () => {
    const { shell, choose, quit } = setUp();
    const order: string[] = [];
    shell.onTrayCommand((command) => order.push(command.kind));
    quit.mockImplementation(() => order.push('app quit'));
    choose('Quit Showroom');
    expect(order).toEqual(['quit', 'app quit']);
  });

  it('leave presence and sounds to the core: no window moves', () => {
    const { choose, window, quit } = setUp();
    choose('Online');
    choose('Play sounds');
    expect(window!.show).not.toHaveBeenCalled();
    expect(quit).not.toHaveBeenCalled();
  });

  it('stop with the tray, which is removed on dispose', () => {
    const { shell, tray } = setUp();
    shell.dispose();
    expect(tray.isDestroyed()).toBe(true);
  });
});
