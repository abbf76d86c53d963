import type { Rectangle, WebContents } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OfferAlert } from '../../../src-shared';
import { ALERT_SIZE, alertPosition } from '../../../src-main/electron/alert-window';
import { EVENT_CHANNEL } from '../../../src-main/electron/ipc';
import { CLOSE_AFTER_MESSAGE_MS, createLeadAlerts } from '../../../src-main/electron/lead-alerts';
import { resolveRendererLocation } from '../../../src-main/electron/renderer-location';
import { consoleWindowOptions } from '../../../src-main/electron/window';
import { FakeBrowserWindow, resetFakeElectron, screen } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const PRELOAD = '/app/out/preload/index.cjs';
const location = resolveRendererLocation({
  isPackaged: true,
  devServerUrl: undefined,
  indexFile: '/opt/Showroom/resources/app.asar/out/renderer/index.html',
});
const APP_PAGE = 'file:///opt/Showroom/resources/app.asar/out/renderer/index.html';

function offer(offerId: string): OfferAlert {
  return {
    offerId,
    leadId: `lead-${offerId}`,
    leadName: 'Jane Doe',
    phone: '+15551234567',
    storeId: 'store-1',
    storeName: 'Downtown Honda',
    source: 'Text',
    firstMessage: 'Is the blue Civic still available?',
    createdAt: 1_700_000_000_000,
    expiresAt: 1_700_000_060_000,
  };
}

function setUp() {
  const created: WebContents[] = [];
  const alerts = createLeadAlerts({
    preloadPath: PRELOAD,
    location,
    onCreated: (webContents) => created.push(webContents),
  });
  return { alerts, created };
}

function windowAt(index: number): FakeBrowserWindow {
  const window = FakeBrowserWindow.created[index];
  if (!window) throw new Error(`no window ${index}`);
  return window;
}

function inside(area: Rectangle, [x, y]: [number, number]): boolean {
  return (
    x >= area.x &&
    y >= area.y &&
    x + ALERT_SIZE.width <= area.x + area.width &&
    y + ALERT_SIZE.height <= area.y + area.height
  );
}

beforeEach(resetFakeElectron);
afterEach(() => vi.useRealTimers());

describe('a lead alert window', () => {
  it('stays above every window, out of the taskbar, frameless and focusable', () => {
    setUp().alerts.show(offer('o1'));
    expect(windowAt(0).options).toMatchObject({
      alwaysOnTop: true,
      skipTaskbar: true,
      frame: false,
      focusable: true,
      show: false,
      resizable: false,
    });
    expect(windowAt(0).setAlwaysOnTop).toHaveBeenCalledWith(true, 'screen-saver');
  });

  it("runs its page as locked down as the console's", () => {
    setUp().alerts.show(offer('o1'));
    const { spellcheck: _alert, ...alertPrefs } = windowAt(0).options.webPreferences as Record<
      string,
      unknown
    >;
    const { spellcheck: _console, ...consolePrefs } = consoleWindowOptions(PRELOAD)
      .webPreferences as Record<string, unknown>;
    expect(alertPrefs).toEqual(consolePrefs);
    expect(alertPrefs).toMatchObject({
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
  });

  it('appears without taking the focus, once it has something to show', () => {
    setUp().alerts.show(offer('o1'));
    const window = windowAt(0);
    expect(window.showInactive).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.showInactive).toHaveBeenCalledOnce();
    expect(window.show).not.toHaveBeenCalled();
    expect(window.focus).not.toHaveBeenCalled();
  });

  it("loads the app's own page at the offer's alert screen", () => {
    const { alerts } = setUp();
    alerts.show(offer('o1'));
    alerts.show(offer('a b/#c'));
    expect(windowAt(0).loadURL).toHaveBeenCalledWith(`${APP_PAGE}#alert/o1`);
    expect(windowAt(1).loadURL).toHaveBeenCalledWith(`${APP_PAGE}#alert/a%20b%2F%23c`);
  });

  it('cannot navigate away from the app or open a window', () => {
    setUp().alerts.show(offer('o1'));
    const contents = windowAt(0).webContents;
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'javascript:alert(1)']) {
      const preventDefault = vi.fn();
      contents.emit('will-navigate', { url, preventDefault });
      expect(preventDefault, url).toHaveBeenCalled();
    }
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({
      action: 'deny',
    });
    expect(contents.session.permissionCheckHandler).not.toBeNull();
  });

  it('is handed to the entry, so its page may call the core and hear its events', () => {
    const { alerts, created } = setUp();
    alerts.show(offer('o1'));
    expect(created).toEqual([windowAt(0).webContents]);
  });

  it('opens once per offer; showing it again brings it back up', () => {
    const { alerts } = setUp();
    alerts.show(offer('o1'));
    alerts.show(offer('o1'));
    expect(FakeBrowserWindow.created).toHaveLength(1);
    expect(windowAt(0).showInactive).toHaveBeenCalledOnce();
  });
});

describe('where alerts go', () => {
  it('sits bottom-right of the work area, the next stacked above', () => {
    // A second display left of the primary, and a taskbar along the top.
    screen.workArea = { x: -1280, y: 40, width: 1280, height: 984 };
    const { alerts } = setUp();
    for (const id of ['o1', 'o2', 'o3']) alerts.show(offer(id));
    const [first, second, third] = [0, 1, 2].map((index) => windowAt(index).position!);
    expect(first).toEqual([
      -1280 + 1280 - 12 - ALERT_SIZE.width,
      40 + 984 - 12 - ALERT_SIZE.height,
    ]);
    expect(second![0]).toBe(first![0]);
    expect(second![1]).toBeLessThan(first![1] - ALERT_SIZE.height);
    expect(third![1]).toBeLessThan(second![1] - ALERT_SIZE.height);
  });

  it('keeps every alert inside the work area, in new columns when one is full', () => {
    const area = { x: 100, y: 50, width: 1366, height: 728 };
    const seen = new Set<string>();
    for (let index = 0; index < 8; index++) {
      const { x, y } = alertPosition(area, index);
      expect(inside(area, [x, y]), `alert ${index} at ${x},${y}`).toBe(true);
      seen.add(`${x},${y}`);
    }
    expect(seen.size).toBe(8);
  });

  it('starts at the corner of a work area smaller than an alert', () => {
    expect(alertPosition({ x: 10, y: 20, width: 200, height: 100 }, 0)).toEqual({ x: 10, y: 20 });
  });

  it('closes the gap an alert leaves', () => {
    const { alerts } = setUp();
    alerts.show(offer('o1'));
    alerts.show(offer('o2'));
    const bottom = windowAt(0).position;
    windowAt(0).close();
    expect(windowAt(1).position).toEqual(bottom);
    // A new one goes above the remaining one again.
    alerts.show(offer('o3'));
    expect(windowAt(2).position![1]).toBeLessThan(bottom![1]);
  });
});

describe('closing an alert', () => {
  it('shows why, then closes after a moment', () => {
    vi.useFakeTimers();
    const { alerts } = setUp();
    alerts.show(offer('o1'));
    const window = windowAt(0);
    alerts.close('o1', 'Taken by Ana Ruiz');
    expect(window.webContents.sent).toEqual([
      {
        channel: EVENT_CHANNEL,
        message: {
          event: 'notice',
          payload: { id: 'offer-closed:o1', message: 'Taken by Ana Ruiz' },
        },
      },
    ]);
    vi.advanceTimersByTime(CLOSE_AFTER_MESSAGE_MS - 1);
    expect(window.isDestroyed()).toBe(false);
    vi.advanceTimersByTime(1);
    expect(window.isDestroyed()).toBe(true);
  });

  it('says it once, however often the core asks, and ignores offers it never showed', () => {
    vi.useFakeTimers();
    const { alerts } = setUp();
    alerts.show(offer('o1'));
    alerts.close('o1', 'Taken by Ana Ruiz');
    alerts.close('o1', 'Missed');
    alerts.close('never-shown', 'Missed');
    expect(windowAt(0).webContents.sent).toHaveLength(1);
    vi.runAllTimers();
    expect(windowAt(0).close).toHaveBeenCalledOnce();
  });

  it('copes with an alert the person already closed', () => {
    vi.useFakeTimers();
    const { alerts } = setUp();
    alerts.show(offer('o1'));
    windowAt(0).close();
    expect(() => alerts.close('o1', 'Missed')).not.toThrow();
    vi.runAllTimers();
    // A fresh ring of the same offer gets a fresh window.
    alerts.show(offer('o1'));
    expect(FakeBrowserWindow.created).toHaveLength(2);
  });
});
