import { pathToFileURL } from 'node:url';

/**
 * Where the console's renderer comes from: electron-vite's dev server while developing, the
 * built `out/renderer/index.html` otherwise. Every "is this our page?" question (navigation,
 * IPC sender) is answered here, by parsing URLs, never by string matching.
 */
export type RendererLocation = { kind: 'dev-server'; url: URL } | { kind: 'file'; url: URL };

export function resolveRendererLocation(options: {
  isPackaged: boolean;
  devServerUrl: string | undefined;
  indexFile: string;
}): RendererLocation {
  // A packaged app ignores the variable: whoever sets it in the environment would otherwise
  // choose the page that gets the preload's API.
  if (!options.isPackaged && options.devServerUrl) {
    const url = parseUrl(options.devServerUrl);
    if (url && (url.protocol === 'http:' || url.protocol === 'https:')) {
      return { kind: 'dev-server', url };
    }
    throw new Error(`ELECTRON_RENDERER_URL is not an http(s) URL: ${options.devServerUrl}`);
  }
  return { kind: 'file', url: pathToFileURL(options.indexFile) };
}

/**
 * True when `candidate` is a page of the app. A file:// page has the opaque origin "null",
 * so for the built renderer the exact index file is what counts, whatever the hash or query.
 */
export function isAppUrl(location: RendererLocation, candidate: string): boolean {
  const url = parseUrl(candidate);
  if (!url) return false;
  if (location.kind === 'dev-server') return url.origin === location.url.origin;
  return (
    url.protocol === 'file:' &&
    url.host === location.url.host &&
    url.pathname === location.url.pathname
  );
}

/** What BrowserWindow.loadURL needs. */
export function rendererUrl(location: RendererLocation): string {
  return location.url.href;
}

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}
