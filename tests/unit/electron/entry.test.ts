import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as FakeElectronModule from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const fakes = vi.hoisted(() => {
  const settings = new Map<string, unknown>();
  return {
    core: {
      call: vi.fn(async (_method: unknown, _args: unknown): Promise<unknown> => ({
        ok: false,
        error: { code: 'internal', message: 'not in this test' },
      })),
      on: vi.fn((_event: string, _listener: unknown) => () => {}),
      close: vi.fn(),
    },
    createConsoleCore: vi.fn(),
    portOptions: null as null | {
      quit: () => void;
      alerts: { show(offer: unknown): void };
    },
    ports: {
      settings: {
        data: settings,
        get: (key: string, fallback: unknown) => (settings.has(key) ? settings.get(key) : fallback),
        set: (key: string, value: unknown) => void settings.set(key, value),
      },
      notifier: { toast: vi.fn(), ring: vi.fn() },
      shell: { dispose: vi.fn() },
      hotkeys: { register: vi.fn(), unregisterAll: vi.fn() },
    },
  };
});

vi.mock('../../../src-main/core', () => ({
  createConsoleCore: fakes.createConsoleCore,
  demoOptionsFromEnv: () => null,
}));
vi.mock('../../../src-main/electron/adapters', () => ({
  createElectronPorts: (options: typeof fakes.portOptions) => {
    fakes.portOptions = options;
    return fakes.ports;
  },
}));

type FakeElectron = typeof FakeElectronModule;

/** Runs the entry file as Electron would, fresh each time, against a reset fake `electron`. */
async function launch(before: (electron: FakeElectron) => void = () => {}): Promise<FakeElectron> {
  vi.resetModules();
  const electron = (await import('electron')) as unknown as FakeElectron;
  electron.resetFakeElectron();
  before(electron);
  await import('../../../src-main/index');
  return electron;
}

async function launchAndBecomeReady() {
  const electron = await launch();
  electron.app.becomeReady();
  const window = await vi.waitFor(() => {
    const created = electron.FakeBrowserWindow.created[0];
    expect(created?.loadURL).toHaveBeenCalled();
    return created as InstanceType<FakeElectron['FakeBrowserWindow']>;
  });
  return { ...electron, window };
}

const plainArgv = [...process.argv];

beforeEach(() => {
  fakes.createConsoleCore.mockReset().mockReturnValue(fakes.core);
  fakes.core.close.mockClear();
  fakes.core.call.mockClear();
  fakes.core.on.mockClear();
  fakes.ports.settings.data.clear();
  fakes.ports.notifier.toast.mockClear();
  fakes.ports.shell.dispose.mockClear();
  fakes.ports.hotkeys.unregisterAll.mockClear();
  fakes.portOptions = null;
  delete process.env.ELECTRON_RENDERER_URL;
});
afterEach(() => {
  process.argv = [...plainArgv];
});

/** As the login item starts Showroom (auto-launch's `--hidden`). */
function startedAtLogin(openConsoleAtLogin: boolean) {
  process.argv = [...plainArgv, '--hidden'];
  fakes.core.call.mockImplementation(async (method: unknown) =>
    method === 'getSettings'
      ? { ok: true, value: { openConsoleAtLogin } }
      : { ok: false, error: { code: 'internal', message: 'not in this test' } },
  );
}

describe('starting Showroom', () => {
  it('quits at once when another Showroom already runs for this user', async () => {
    const { app } = await launch(({ app }) => (app.hasLock = false));
    expect(app.quit).toHaveBeenCalled();
    expect(app.whenReady).not.toHaveBeenCalled();
  });

  it('turns the sandbox on for every renderer before Electron is ready', async () => {
    const { app, FakeBrowserWindow } = await launch();
    expect(app.enableSandbox).toHaveBeenCalled();
    expect(FakeBrowserWindow.created).toHaveLength(0);
  });

  it('when ready: core in userData, IPC, one hardened window loading the built renderer', async () => {
    const { window, ipcMain, FakeBrowserWindow } = await launchAndBecomeReady();
    expect(fakes.createConsoleCore).toHaveBeenCalledWith(
      expect.objectContaining({ dataDir: '/fake/userData' }),
    );
    expect(ipcMain.handlers.has('console:call')).toBe(true);
    expect(FakeBrowserWindow.created).toHaveLength(1);
    expect(window.options).toMatchObject({
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false },
    });
    expect(window.webContents.windowOpenHandler).not.toBeNull();
    expect(String((window.options.webPreferences as { preload: string }).preload)).toMatch(
      /preload[/\\]index\.cjs$/,
    );
    expect(window.loadURL.mock.calls[0]?.[0]).toMatch(/^file:\/\/.*\/renderer\/index\.html$/);
  });

  it("loads electron-vite's dev server when it runs", async () => {
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173';
    const { window } = await launchAndBecomeReady();
    expect(window.loadURL).toHaveBeenCalledWith('http://localhost:5173/');
  });

  it('shows the console when Showroom is launched a second time', async () => {
    const { app, window } = await launchAndBecomeReady();
    window.minimized = true;
    app.emit('second-instance', {}, ['Showroom.exe']);
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });

  it('stays in the tray when the login item fires while Showroom already runs', async () => {
    const { app, window } = await launchAndBecomeReady();
    app.emit('second-instance', {}, ['Showroom.exe', '--hidden']);
    expect(window.show).not.toHaveBeenCalled();
  });

  it('shows the console once it is ready when a person starts Showroom', async () => {
    const { window } = await launchAndBecomeReady();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalled();
  });

  it('stays in the tray at login, unless "Open the console at login"', async () => {
    startedAtLogin(false);
    const quiet = await launchAndBecomeReady();
    quiet.window.emit('ready-to-show');
    expect(quiet.window.show).not.toHaveBeenCalled();
    expect(fakes.core.call).toHaveBeenCalledWith('getSettings', {});

    startedAtLogin(true);
    const opened = await launchAndBecomeReady();
    opened.window.emit('ready-to-show');
    expect(opened.window.show).toHaveBeenCalled();
  });

  it('hides the console to the tray when it is closed, and says so the first time', async () => {
    const { window, app } = await launchAndBecomeReady();
    window.close();
    window.close();
    expect(window.isDestroyed()).toBe(false);
    expect(fakes.ports.notifier.toast).toHaveBeenCalledOnce();
    expect(fakes.core.close).not.toHaveBeenCalled();
    expect(app.listenerCount('window-all-closed')).toBe(1);
  });

  it("quits for real from the tray's Quit: windows close, keys and tray released, core closed", async () => {
    const { app, ipcMain, window } = await launchAndBecomeReady();
    fakes.portOptions?.quit();
    expect(app.quit).toHaveBeenCalled();
    expect(window.isDestroyed()).toBe(true);
    expect(fakes.core.close).toHaveBeenCalledOnce();
    expect(fakes.ports.hotkeys.unregisterAll).toHaveBeenCalled();
    expect(fakes.ports.shell.dispose).toHaveBeenCalled();
    expect(ipcMain.handlers.has('console:call')).toBe(false);
  });

  it("lets a lead alert's page call the core and hear its events, like the console", async () => {
    const { ipcMain, FakeBrowserWindow } = await launchAndBecomeReady();
    const subscriptions = fakes.core.on.mock.calls.length;
    fakes.portOptions?.alerts.show({ offerId: 'o1' });
    const alert = FakeBrowserWindow.created[1];
    expect(alert?.options).toMatchObject({ alwaysOnTop: true });
    expect(fakes.core.on.mock.calls.length).toBe(subscriptions * 2);

    const url = alert?.loadURL.mock.calls[0]?.[0];
    const handler = ipcMain.handlers.get('console:call') as unknown as (
      event: unknown,
      method: unknown,
      args: unknown,
    ) => Promise<unknown>;
    await handler(
      { sender: alert?.webContents, senderFrame: { parent: null, url } },
      'getRingingOffers',
      {},
    );
    expect(fakes.core.call).toHaveBeenCalledWith('getRingingOffers', {});
  });

  it('closes the core as the app quits', async () => {
    const { app, ipcMain } = await launchAndBecomeReady();
    app.emit('will-quit');
    expect(fakes.core.close).toHaveBeenCalledOnce();
    expect(ipcMain.handlers.has('console:call')).toBe(false);
  });

  it('tells the person why it could not start, then exits with an error', async () => {
    fakes.createConsoleCore.mockImplementation(() => {
      throw new Error('SHOWROOM_DEMO_LEADS must be a whole number of leads, got "lots"');
    });
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { app, dialog } = await launch();
    app.becomeReady();
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(1));
    expect(dialog.showErrorBox).toHaveBeenCalledWith(
      'Showroom could not start',
      expect.stringContaining('SHOWROOM_DEMO_LEADS'),
    );
  });
});
