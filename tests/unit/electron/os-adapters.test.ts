import type { BrowserWindow } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAutoLaunchAutoStart } from '../../../src-main/electron/adapters/auto-start.electron';
import {
  createPowerMonitorIdleSource,
  IDLE_POLL_MS,
} from '../../../src-main/electron/adapters/idle-source.electron';
import { createNodeNotifier } from '../../../src-main/electron/adapters/notifier.electron';
import { createElectronSettingsStore } from '../../../src-main/electron/adapters/settings-store.electron';
import { createBrowserWindowShell } from '../../../src-main/electron/adapters/window-shell.electron';
import type { PresenceSignal } from '../../../src-main/core/ports';
import { app, FakeBrowserWindow, powerMonitor, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const fakes = vi.hoisted(() => ({
  storeOptions: [] as unknown[],
  launchers: [] as Array<{ options: unknown; enabled: boolean }>,
  notify: vi.fn(),
}));

vi.mock('electron-store', () => ({
  default: class FakeStore {
    data = new Map<string, unknown>();
    constructor(options: unknown) {
      fakes.storeOptions.push(options);
    }
    has(key: string) {
      return this.data.has(key);
    }
    get(key: string) {
      return this.data.get(key);
    }
    set(key: string, value: unknown) {
      if (value === undefined) throw new TypeError('Use `delete()` to clear values');
      this.data.set(key, value);
    }
    delete(key: string) {
      this.data.delete(key);
    }
  },
}));

vi.mock('auto-launch', () => ({
  default: class FakeAutoLaunch {
    state = { options: undefined as unknown, enabled: false };
    constructor(options: unknown) {
      this.state.options = options;
      fakes.launchers.push(this.state);
    }
    async isEnabled() {
      return this.state.enabled;
    }
    async enable() {
      this.state.enabled = true;
    }
    async disable() {
      this.state.enabled = false;
    }
  },
}));

vi.mock('node-notifier', () => ({ default: { notify: fakes.notify } }));

beforeEach(() => {
  resetFakeElectron();
  fakes.storeOptions.length = 0;
  fakes.launchers.length = 0;
});
afterEach(() => vi.useRealTimers());

describe('settings (electron-store)', () => {
  it('answers the fallback until a value is set, and takes dotted keys literally', () => {
    const settings = createElectronSettingsStore();
    expect(settings.get('sounds.enabled', true)).toBe(true);
    settings.set('sounds.enabled', false);
    expect(settings.get('sounds.enabled', true)).toBe(false);
    expect(fakes.storeOptions[0]).toMatchObject({ accessPropertiesByDotNotation: false });
  });

  it('goes back to the fallback when set to undefined', () => {
    const settings = createElectronSettingsStore();
    settings.set('awayAfterMinutes', 10);
    settings.set('awayAfterMinutes', undefined);
    expect(settings.get('awayAfterMinutes', 5)).toBe(5);
  });
});

describe('start on login (auto-launch)', () => {
  it('registers the installed executable, hidden, and switches on and off', async () => {
    const autoStart = createAutoLaunchAutoStart({
      name: 'Showroom',
      executable: 'C:\\S\\Showroom.exe',
    });
    expect(fakes.launchers[0]?.options).toEqual({
      name: 'Showroom',
      path: 'C:\\S\\Showroom.exe',
      isHidden: true,
    });
    await autoStart.setEnabled(true);
    await expect(autoStart.isEnabled()).resolves.toBe(true);
    await autoStart.setEnabled(false);
    await expect(autoStart.isEnabled()).resolves.toBe(false);
  });
});

describe('notifications (node-notifier)', () => {
  it('sets the AppUserModelId on Windows before the first toast', () => {
    const notifier = createNodeNotifier({ appId: 'com.showroom.console', platform: 'win32' });
    expect(app.setAppUserModelId).toHaveBeenCalledWith('com.showroom.console');
    notifier.toast({ title: 'New lead', body: 'Jane is texting' });
    expect(fakes.notify).toHaveBeenCalledWith(
      expect.objectContaining({
        title: 'New lead',
        message: 'Jane is texting',
        appID: 'com.showroom.console',
      }),
      expect.any(Function),
    );
    expect(app.setAppUserModelId.mock.invocationCallOrder[0]).toBeLessThan(
      fakes.notify.mock.invocationCallOrder.at(-1) ?? 0,
    );
  });

  it('leaves the AppUserModelId alone elsewhere', () => {
    createNodeNotifier({ appId: 'com.showroom.console', platform: 'linux' });
    expect(app.setAppUserModelId).not.toHaveBeenCalled();
  });
});

describe('idle time and screen lock (powerMonitor)', () => {
  it('reports idle seconds every poll and lock, unlock, suspend and resume at once', () => {
    vi.useFakeTimers();
    const signals: PresenceSignal[] = [];
    const stop = createPowerMonitorIdleSource().start((signal) => signals.push(signal));

    powerMonitor.idleSeconds = 42;
    vi.advanceTimersByTime(IDLE_POLL_MS);
    for (const kind of ['lock-screen', 'unlock-screen', 'suspend', 'resume'])
      powerMonitor.emit(kind);
    expect(signals).toEqual([
      { kind: 'idle-seconds', seconds: 42 },
      { kind: 'lock-screen' },
      { kind: 'unlock-screen' },
      { kind: 'suspend' },
      { kind: 'resume' },
    ]);

    stop();
    vi.advanceTimersByTime(IDLE_POLL_MS * 3);
    powerMonitor.emit('lock-screen');
    expect(signals).toHaveLength(5);
    expect(powerMonitor.listenerCount('lock-screen')).toBe(0);
  });
});

describe('the window shell', () => {
  it('brings a minimized console back to the front', () => {
    const window = new FakeBrowserWindow({});
    window.minimized = true;
    createBrowserWindowShell(() => window as unknown as BrowserWindow).showConsole();
    expect(window.restore).toHaveBeenCalled();
    expect(window.show).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });

  it('flashes the console for a waiting lead', () => {
    const window = new FakeBrowserWindow({});
    createBrowserWindowShell(() => window as unknown as BrowserWindow).showLeadAlert('lead-1');
    expect(window.flashFrame).toHaveBeenCalledWith(true);
  });

  it('does nothing, and does not throw, before the window exists', () => {
    const shell = createBrowserWindowShell(() => null);
    expect(() => {
      shell.showConsole();
      shell.showLeadAlert('lead-1');
      shell.setTrayState('away');
    }).not.toThrow();
  });
});
