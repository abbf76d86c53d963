import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  isAppUrl,
  rendererUrl,
  resolveRendererLocation,
} from '../../../src-main/electron/renderer-location';

const indexFile = '/opt/Showroom/resources/app.asar/out/renderer/index.html';
const built = resolveRendererLocation({ isPackaged: true, devServerUrl: undefined, indexFile });
const dev = resolveRendererLocation({
  isPackaged: false,
  devServerUrl: 'http://localhost:5173/',
  indexFile,
});

describe('where the renderer comes from', () => {
  it('is the built index.html, as a file URL', () => {
    expect(rendererUrl(built)).toBe(pathToFileURL(indexFile).href);
  });

  it('is the dev server while developing', () => {
    expect(rendererUrl(dev)).toBe('http://localhost:5173/');
  });

  it('is never taken from the environment in a packaged app', () => {
    const packaged = resolveRendererLocation({
      isPackaged: true,
      devServerUrl: 'https://evil.example/',
      indexFile,
    });
    expect(packaged.kind).toBe('file');
  });

  it('refuses a dev server URL that is not http(s), naming it', () => {
    expect(() =>
      resolveRendererLocation({ isPackaged: false, devServerUrl: 'file:///tmp/x.html', indexFile }),
    ).toThrow(/ELECTRON_RENDERER_URL.*file:\/\/\/tmp\/x\.html/);
  });
});

describe('our page, told apart by parsed URL', () => {
  it('accepts the built index file whatever its hash or query', () => {
    const page = pathToFileURL(indexFile).href;
    for (const url of [page, `${page}#/lead/7`, `${page}?x=1`]) {
      expect(isAppUrl(built, url), url).toBe(true);
    }
  });

  it('refuses other files, hosts and schemes that look alike', () => {
    for (const url of [
      'file:///opt/Showroom/resources/app.asar/out/renderer/other.html',
      'file:///etc/passwd',
      'file://evil-share/opt/Showroom/resources/app.asar/out/renderer/index.html',
      'https://evil.example/opt/Showroom/resources/app.asar/out/renderer/index.html',
      'null',
      '',
    ]) {
      expect(isAppUrl(built, url), url).toBe(false);
    }
  });

  it('accepts the dev server origin only', () => {
    expect(isAppUrl(dev, 'http://localhost:5173/src/main.tsx')).toBe(true);
    for (const url of [
      'http://localhost:5174/',
      'https://localhost:5173/',
      'http://localhost:5173.evil.example/',
      'http://localhost:5173@evil.example/',
      'http://evil.example/?http://localhost:5173',
    ]) {
      expect(isAppUrl(dev, url), url).toBe(false);
    }
  });
});
