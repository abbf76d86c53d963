import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createPowerMonitorIdleSource,
  IDLE_POLL_MS,
} from '../../../src-main/electron/adapters/idle-source.electron';
import { createNodeNotifier } from '../../../src-main/electron/adapters/notifier.electron';
import { createElectronSettingsStore } from '../../../src-main/electron/adapters/settings-store.electron';
import type { PresenceSignal } from '../../../src-main/core/ports';
import { app, powerMonitor, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const fakes = vi.hoisted(() => ({
  storeOptions: [] as unknown[],
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

vi.mock('node-notifier', () => ({ default: { notify: fakes.notify } }));

beforeEach(() => {
  resetFakeElectron();
  fakes.storeOptions.length = 0;
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

  it("rings with one toast that plays the system sound; the repeating ring is the alert window's", () => {
    const notifier = createNodeNotifier({ appId: 'com.showroom.console', platform: 'linux' });
    notifier.toast({ title: 'Quiet', body: 'no sound' });
    const stop = notifier.ring();
    expect(
      fakes.notify.mock.calls.map(([options]) => (options as { sound: boolean }).sound),
    ).toEqual([false, true]);
    expect(() => stop()).not.toThrow();
    expect(fakes.notify).toHaveBeenCalledTimes(2);
  });

  it('a toast that can be clicked waits for the click and reports only a click', () => {
    const notifier = createNodeNotifier({ appId: 'com.showroom.console', platform: 'win32' });
    const clicked = vi.fn();
    notifier.toast({ title: 'New text from Dana', body: 'Hi', sound: true, onClick: clicked });
    const [options, callback] = fakes.notify.mock.calls.at(-1) as [
      { wait: boolean; sound: boolean },
      (error: Error | null, response: string, metadata?: { activationType?: string }) => void,
    ];
    expect(options).toMatchObject({ wait: true, sound: true });
    callback(null, 'timeout');
    callback(null, 'dismissed');
    callback(new Error('no notifier'), '');
    expect(clicked).not.toHaveBeenCalled();
    callback(null, 'activate', { activationType: 'clicked' });
    expect(clicked).toHaveBeenCalledTimes(1);
  });

  it('leaves the AppUserModelId alone elsewhere', () => {
    createNodeNotifier({ appId: 'com.showroom.console', platform: 'linux' });
    expect(app.setAppUserModelId).not.toHaveBeenCalled();
  });
});

describe('idle time and screen lock (powerMonitor)', () => {
  it('polls every 1 to 2 seconds (DESIGN §6)', () => {
    expect(IDLE_POLL_MS).toBeGreaterThanOrEqual(1000);
    expect(IDLE_POLL_MS).toBeLessThanOrEqual(2000);
  });

  it('asks the OS again at every poll', () => {
    vi.useFakeTimers();
    const seen: PresenceSignal[] = [];
    const stop = createPowerMonitorIdleSource().start((signal) => seen.push(signal));
    for (const seconds of [3, 4, 5]) {
      powerMonitor.idleSeconds = seconds;
      vi.advanceTimersByTime(IDLE_POLL_MS);
    }
    stop();
    expect(seen).toEqual([3, 4, 5].map((seconds) => ({ kind: 'idle-seconds', seconds })));
  });

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
    for (const kind of ['lock-screen', 'unlock-screen', 'suspend', 'resume'])
      expect(powerMonitor.listenerCount(kind), kind).toBe(0);
  });
});
