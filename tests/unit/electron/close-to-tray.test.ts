import type { BrowserWindow } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SettingsStore } from '../../../src-main/core/ports';
import {
  hideToTrayOnClose,
  TRAY_NOTICE,
  TRAY_NOTICE_SHOWN_KEY,
} from '../../../src-main/electron/close-to-tray';
import { FakeBrowserWindow, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

beforeEach(resetFakeElectron);

function memorySettings(): SettingsStore & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: <T>(key: string, fallback: T) => (data.has(key) ? (data.get(key) as T) : fallback),
    set: (key, value) => void data.set(key, value),
  };
}

function setUp(settings = memorySettings()) {
  const window = new FakeBrowserWindow({});
  window.show();
  let quitting = false;
  const notifier = { toast: vi.fn() };
  hideToTrayOnClose(window as unknown as BrowserWindow, {
    isQuitting: () => quitting,
    settings,
    notifier,
  });
  return { window, notifier, settings, quit: () => (quitting = true) };
}

describe('closing the console', () => {
  it('hides it to the tray instead of closing it', () => {
    const { window } = setUp();
    window.close();
    expect(window.isDestroyed()).toBe(false);
    expect(window.isVisible()).toBe(false);
  });

  it('says it is still running in the tray the first time only, ever', () => {
    const settings = memorySettings();
    const first = setUp(settings);
    first.window.close();
    first.window.show();
    first.window.close();
    expect(first.notifier.toast.mock.calls).toEqual([[TRAY_NOTICE]]);
    expect(TRAY_NOTICE.body).toContain('still running in the tray');
    expect(settings.data.get(TRAY_NOTICE_SHOWN_KEY)).toBe(true);

    // The next run of the app reads the same settings: no notice again.
    const nextRun = setUp(settings);
    nextRun.window.close();
    expect(nextRun.notifier.toast).not.toHaveBeenCalled();
  });

  it('closes for real once the app is quitting', () => {
    const { window, quit, notifier } = setUp();
    quit();
    window.close();
    expect(window.isDestroyed()).toBe(true);
    expect(notifier.toast).not.toHaveBeenCalled();
  });

  it('closes for real when Windows ends the session, so shutdown is not held up', () => {
    const { window } = setUp();
    window.emit('session-end', {});
    window.close();
    expect(window.isDestroyed()).toBe(true);
  });
});
