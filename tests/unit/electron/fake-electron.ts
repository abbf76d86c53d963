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
  loadURL = vi.fn(async (_url: string) => {});
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn(() => {
    this.minimized = false;
  });
  flashFrame = vi.fn();
  constructor(public options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.created.push(this);
  }
  isMinimized() {
    return this.minimized;
  }
  isDestroyed() {
    return false;
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
  quit = vi.fn();
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
  safeStorage.available = true;
  ipcMain.handlers.clear();
  ipcRenderer.removeAllListeners();
  contextBridge.exposed.clear();
}
