import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as FakeElectronModule from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const fakes = vi.hoisted(() => ({
  core: { call: vi.fn(), on: vi.fn(() => () => {}), close: vi.fn() },
  createConsoleCore: vi.fn(),
}));

vi.mock('../../../src-main/core', () => ({
  createConsoleCore: fakes.createConsoleCore,
  demoOptionsFromEnv: () => null,
}));
vi.mock('../../../src-main/electron/adapters', () => ({ createElectronPorts: () => ({}) }));

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

beforeEach(() => {
  fakes.createConsoleCore.mockReset().mockReturnValue(fakes.core);
  fakes.core.close.mockClear();
  delete process.env.ELECTRON_RENDERER_URL;
});

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
    app.emit('second-instance');
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
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
