import { createConsoleClient, type ConsoleApi } from '../../src-shared/console-api/client';
import { createWebSocketTransport } from '../../src-shared/console-api/ws-transport';
import { reportActivityFromThisPage } from './browser-activity';

declare global {
  interface Window {
    /** Set by the Electron preload; absent when the browser host serves the renderer. */
    showroom?: ConsoleApi;
  }
}

let api: ConsoleApi | null = null;

/**
 * The one ConsoleApi of this window: the preload's in Electron, else the same client over the
 * browser host's `/api` WebSocket (same origin, so the host's session cookie goes with it).
 */
export function consoleApi(): ConsoleApi {
  if (api) return api;
  if (window.showroom) {
    api = window.showroom;
  } else {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const transport = createWebSocketTransport(new WebSocket(`${scheme}://${location.host}/api`));
    reportActivityFromThisPage(transport);
    api = createConsoleClient(transport);
  }
  return api;
}
