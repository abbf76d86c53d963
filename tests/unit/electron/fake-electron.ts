// A stand-in for the `electron` module: no binary exists here (DESIGN §11). Each test file
// mocks `electron` with it (`vi.mock('electron', () => import('./fake-electron'))`) and calls
// resetFakeElectron() before each test. It records what the glue asked of Electron and lets
// the test play Electron's part (emit events, call the handlers the glue registered).
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

type Handler = (...args: never[]) => unknown;

export class FakeSession {
  permissionRequestHandler: Handler | null = null;
  permissionCheckHandler: Handler | null = null;
  headersReceived: Handler | null = null;
  setPermissionRequestHandler(handler: Handler | null) {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: Handler | null) {
    this.permissionCheckHandler = handler;
  }
  webRequest = {
    onHeadersReceived: (listener: Handler | null) => {
      this.headersReceived = listener;
    },
  };
}

export class FakeWebContents extends EventEmitter {
  session = new FakeSession();
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  sent: Array<{ channel: string; message: unknown }> = [];
  destroyed = false;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, message: unknown) {
    this.sent.push({ channel, message });
  }
  isDestroyed() {
    return this.destroyed;
  }
  destroy() {
    this.destroyed = true;
    this.emit('destroyed');
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = [];
  webContents = new FakeWebContents();
  minimized = false;
  visible = false;
  destroyed = false;
  position: [number, number] | null = null;
  loadURL = vi.fn(async (_url: string) => {});
  show = vi.fn(() => {
    this.visible = true;
  });
  showInactive = vi.fn(() => {
    this.visible = true;
  });
  hide = vi.fn(() => {
    this.visible = false;
  });
  focus = vi.fn();
  restore = vi.fn(() => {
    this.minimized = false;
  });
  flashFrame = vi.fn();
  setAlwaysOnTop = vi.fn();
  setPosition = vi.fn((x: number, y: number) => {
    this.position = [x, y];
  });
  /** Like Electron: 'close' may be prevented; otherwise the window is gone and 'closed' follows. */
  close = vi.fn(() => {
    if (this.destroyed) return;
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (prevented) return;
    this.destroyed = true;
    this.visible = false;
    this.webContents.destroy();
    this.emit('closed');
  });
  constructor(public options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.created.push(this);
    if (typeof options.x === 'number' && typeof options.y === 'number') {
      this.position = [options.x, options.y];
    }
  }
  isMinimized() {
    return this.minimized;
  }
  isVisible() {
    return this.visible;
  }
  isDestroyed() {
    return this.destroyed;
  }
}

/** What nativeImage built: each representation's scale factor and encoded bytes. */
export class FakeNativeImage {
  representations: Array<{ scaleFactor: number; buffer: Buffer }> = [];
  constructor(buffer: Buffer, scaleFactor: number) {
    this.representations.push({ scaleFactor, buffer });
  }
  addRepresentation(options: { scaleFactor?: number; buffer?: Buffer }) {
    if (!options.buffer) throw new Error('the fake takes buffers only');
    this.representations.push({ scaleFactor: options.scaleFactor ?? 1, buffer: options.buffer });
  }
}

/** A built menu: the template it came from, whose click handlers a test may call. */
export interface FakeMenu {
  template: Array<Record<string, unknown>>;
}

export class FakeTray extends EventEmitter {
  static created: FakeTray[] = [];
  image: unknown;
  toolTip = '';
  menu: FakeMenu | null = null;
  destroyed = false;
  constructor(image: unknown) {
    super();
    this.image = image;
    FakeTray.created.push(this);
  }
  setImage = vi.fn((image: unknown) => (this.image = image));
  setToolTip = vi.fn((toolTip: string) => (this.toolTip = toolTip));
  setContextMenu = vi.fn((menu: FakeMenu | null) => (this.menu = menu));
  destroy = vi.fn(() => (this.destroyed = true));
  isDestroyed() {
    return this.destroyed;
  }
}

/**
 * globalShortcut as the OS answers it: a combination another program holds (`takenByOthers`)
 * is refused with false, one already ours too, and text Electron cannot parse throws.
 */
class FakeGlobalShortcut {
  registered = new Map<string, () => void>();
  takenByOthers = new Set<string>();
  register = vi.fn((accelerator: string, callback: () => void) => {
    if (!/^([A-Za-z]+\+)*[A-Za-z0-9]+$/.test(accelerator)) {
      throw new Error(
        `Error processing argument at index 0, conversion failure from ${accelerator}`,
      );
    }
    if (this.takenByOthers.has(accelerator) || this.registered.has(accelerator)) return false;
    this.registered.set(accelerator, callback);
    return true;
  });
  unregisterAll = vi.fn(() => this.registered.clear());
  /** Plays the person pressing the keys. */
  press(accelerator: string) {
    this.registered.get(accelerator)?.();
  }
  reset() {
    this.registered.clear();
    this.takenByOthers.clear();
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  hasLock = true;
  /** Call to play Electron's `ready`. */
  becomeReady: () => void = () => {};
  private ready = new Promise<void>((resolve) => (this.becomeReady = resolve));
  requestSingleInstanceLock = vi.fn(() => this.hasLock);
  enableSandbox = vi.fn();
  whenReady = vi.fn(() => this.ready);
  /** Like Electron: before-quit, every window closed (each may refuse), then will-quit. */
  quit = vi.fn(() => {
    this.emit('before-quit', { preventDefault() {} });
    for (const window of FakeBrowserWindow.created) window.close();
    if (FakeBrowserWindow.created.every((window) => window.isDestroyed())) {
      this.emit('will-quit', { preventDefault() {} });
    }
  });
  exit = vi.fn();
  setAppUserModelId = vi.fn();
  getPath = vi.fn((name: string) => `/fake/${name}`);
  reset() {
    this.removeAllListeners();
    this.isPackaged = false;
    this.hasLock = true;
    this.ready = new Promise<void>((resolve) => (this.becomeReady = resolve));
  }
}

class FakePowerMonitor extends EventEmitter {
  idleSeconds = 0;
  getSystemIdleTime = vi.fn(() => this.idleSeconds);
  reset() {
    this.removeAllListeners();
    this.idleSeconds = 0;
  }
}

/** Reversible and visibly not the plain text, like the real thing. */
const sealPrefix = 'sealed:';
export const safeStorage = {
  available: true,
  isEncryptionAvailable: vi.fn(() => safeStorage.available),
  encryptString: vi.fn((text: string) =>
    Buffer.from(sealPrefix + Buffer.from(text).toString('hex')),
  ),
  decryptString: vi.fn((sealed: Buffer) => {
    const text = sealed.toString();
    if (!text.startsWith(sealPrefix)) throw new Error('Error while decrypting the ciphertext');
    return Buffer.from(text.slice(sealPrefix.length), 'hex').toString();
  }),
};

export const app = new FakeApp();
export const powerMonitor = new FakePowerMonitor();
export const BrowserWindow = FakeBrowserWindow;
export const Tray = FakeTray;
export const Menu = {
  buildFromTemplate: vi.fn((template: Array<Record<string, unknown>>): FakeMenu => ({ template })),
};
export const nativeImage = {
  createFromBuffer: vi.fn(
    (buffer: Buffer, options?: { scaleFactor?: number }) =>
      new FakeNativeImage(buffer, options?.scaleFactor ?? 1),
  ),
};
export const globalShortcut = new FakeGlobalShortcut();
export const screen = {
  workArea: { x: 0, y: 0, width: 1920, height: 1040 },
  getPrimaryDisplay: vi.fn(() => ({ workArea: screen.workArea })),
};
export const shell = { openExternal: vi.fn(async (_url: string) => {}) };
export const dialog = { showErrorBox: vi.fn() };
export const ipcMain = {
  handlers: new Map<string, Handler>(),
  handle: vi.fn((channel: string, handler: Handler) => ipcMain.handlers.set(channel, handler)),
  removeHandler: vi.fn((channel: string) => ipcMain.handlers.delete(channel)),
};
export const ipcRenderer = Object.assign(new EventEmitter(), {
  invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => undefined),
});
export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld: vi.fn((key: string, api: unknown) => contextBridge.exposed.set(key, api)),
};

export function resetFakeElectron(): void {
  vi.clearAllMocks();
  app.reset();
  powerMonitor.reset();
  FakeBrowserWindow.created = [];
  FakeTray.created = [];
  globalShortcut.reset();
  screen.workArea = { x: 0, y: 0, width: 1920, height: 1040 };
  safeStorage.available = true;
  ipcMain.handlers.clear();
  ipcRenderer.removeAllListeners();
  contextBridge.exposed.clear();
}
