import type { WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy } from '../../../src-main/electron/csp';
import {
  resolveRendererLocation,
  type RendererLocation,
} from '../../../src-main/electron/renderer-location';
import {
  consoleWindowOptions,
  createConsoleWindow,
  hardenWebContents,
} from '../../../src-main/electron/window';
import { FakeBrowserWindow, FakeWebContents, resetFakeElectron, shell } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const built: RendererLocation = resolveRendererLocation({
  isPackaged: true,
  devServerUrl: undefined,
  indexFile: '/opt/Showroom/resources/app.asar/out/renderer/index.html',
});
const appPage = 'file:///opt/Showroom/resources/app.asar/out/renderer/index.html';

function hardened(location: RendererLocation = built): FakeWebContents {
  const contents = new FakeWebContents();
  hardenWebContents(contents as unknown as WebContents, location);
  return contents;
}

/** Plays a navigation event; returns whether the glue prevented it. */
function navigate(contents: FakeWebContents, event: string, url: string): boolean {
  const preventDefault = vi.fn();
  contents.emit(event, { url, preventDefault });
  return preventDefault.mock.calls.length > 0;
}

beforeEach(resetFakeElectron);

describe('the console window', () => {
  it('runs the page sandboxed and isolated, without Node', () => {
    const { webPreferences } = consoleWindowOptions('/app/out/preload/index.cjs');
    expect(webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
    });
  });

  it('is hardened as it is created, and shown only once it has something to show', () => {
    createConsoleWindow('/app/out/preload/index.cjs', built);
    const [window] = FakeBrowserWindow.created;
    expect(window?.webContents.windowOpenHandler).not.toBeNull();
    expect(window?.webContents.session.headersReceived).not.toBeNull();
    expect(window?.show).not.toHaveBeenCalled();
    window?.emit('ready-to-show');
    expect(window?.show).toHaveBeenCalledOnce();
  });
});

describe('a hardened page', () => {
  it('cannot navigate or be redirected away from the app', () => {
    const contents = hardened();
    for (const url of [
      'https://evil.example/',
      'file:///etc/passwd',
      'file:///opt/Showroom/resources/app.asar/out/renderer/other.html',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect(navigate(contents, 'will-navigate', url), url).toBe(true);
      expect(navigate(contents, 'will-redirect', url), url).toBe(true);
    }
  });

  it('may still move within the app itself', () => {
    const contents = hardened();
    expect(navigate(contents, 'will-navigate', `${appPage}#/lead/42`)).toBe(false);
  });

  it('never attaches a webview', () => {
    expect(navigate(hardened(), 'will-attach-webview', appPage)).toBe(true);
  });

  it('opens no window, and sends only https links to the OS browser', () => {
    const contents = hardened();
    const opened = (url: string) => {
      shell.openExternal.mockClear();
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
      return shell.openExternal.mock.calls[0]?.[0] ?? null;
    };
    expect(opened('https://www.example.com/directions')).toBe('https://www.example.com/directions');
    expect(opened('https://evil@example.com/')).toBe('https://evil@example.com/');
    // What is opened is the parsed URL, never the raw text that was checked.
    expect(opened('HTTPS://EXAMPLE.COM')).toBe('https://example.com/');
    expect(opened(' https://example.com')).toBe('https://example.com/');
    for (const url of [
      'http://example.com/',
      'javascript:alert(1)',
      'file:///C:/Windows/System32/calc.exe',
      'ms-msdt:/id PCWDiagnostic',
      'data:text/html,<script>alert(1)</script>',
      'https//example.com',
      '',
    ]) {
      expect(opened(url), url).toBeNull();
    }
  });

  it('denies every permission request and check', () => {
    const { session } = hardened();
    const callback = vi.fn();
    const request = session.permissionRequestHandler as unknown as (...args: unknown[]) => void;
    const check = session.permissionCheckHandler as unknown as (...args: unknown[]) => boolean;
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal']) {
      request({}, permission, callback, {});
      expect(check({}, permission, 'file://', {})).toBe(false);
    }
    expect(callback.mock.calls).toEqual([[false], [false], [false], [false]]);
  });

  it('gets the strict Content-Security-Policy on every response, replacing any other', () => {
    const { session } = hardened();
    const onHeaders = session.headersReceived as unknown as (
      details: unknown,
      callback: (response: { responseHeaders: Record<string, string[]> }) => void,
    ) => void;
    const callback = vi.fn();
    onHeaders(
      {
        url: appPage,
        responseHeaders: { 'content-security-policy': ['default-src *'], 'X-Kept': ['yes'] },
      },
      callback,
    );
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: {
        'X-Kept': ['yes'],
        'Content-Security-Policy': [
          "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
            "img-src 'self' data:; connect-src 'self'; object-src 'none'; " +
            "base-uri 'none'; frame-ancestors 'none'",
        ],
      },
    });
  });

  it('allows inline scripts only under the dev server, for its React refresh preamble', () => {
    const dev = resolveRendererLocation({
      isPackaged: false,
      devServerUrl: 'http://localhost:5173',
      indexFile: '/unused',
    });
    expect(contentSecurityPolicy(dev)).toContain("script-src 'self' 'unsafe-inline';");
    expect(contentSecurityPolicy(built)).toContain("script-src 'self';");
  });
});
