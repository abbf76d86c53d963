import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';
import type { RendererLocation } from './renderer-location';
import { secureWebPreferences } from './window';

/** Room for the lead's name, phone, store, source, first message, countdown and Accept. */
export const ALERT_SIZE = { width: 380, height: 260 } as const;
/** From the edges of the work area, and between stacked alerts. */
const MARGIN = 12;
const GAP = 8;

/**
 * A lead alert (DESIGN §7): small, frameless, above every other window, out of the taskbar,
 * and with the console's locked-down page settings. It is focusable (Accept must be
 * clickable) but shown with showInactive, so it never takes the keyboard from what the agent
 * is typing.
 */
export function alertWindowOptions(
  preloadPath: string,
  position: { x: number; y: number },
): BrowserWindowConstructorOptions {
  return {
    ...ALERT_SIZE,
    ...position,
    title: 'Showroom: new lead',
    show: false,
    frame: false,
    resizable: false,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    alwaysOnTop: true,
    skipTaskbar: true,
    focusable: true,
    webPreferences: { ...secureWebPreferences(preloadPath), spellcheck: false },
  };
}

/**
 * Where the `index`-th open alert goes: bottom-right of the work area (above the taskbar),
 * the next one stacked above it, a new column to the left when a column is full. Always
 * inside the work area, even when it is smaller than an alert.
 */
export function alertPosition(workArea: Rectangle, index: number): { x: number; y: number } {
  const { width, height } = ALERT_SIZE;
  const perColumn = Math.max(1, Math.floor((workArea.height - MARGIN + GAP) / (height + GAP)));
  const column = Math.floor(index / perColumn);
  const row = index % perColumn;
  const right = workArea.x + workArea.width - MARGIN - width - column * (width + GAP);
  const bottom = workArea.y + workArea.height - MARGIN - height - row * (height + GAP);
  return {
    x: Math.round(Math.max(workArea.x, right)),
    y: Math.round(Math.max(workArea.y, bottom)),
  };
}

/** The renderer's alert screen for one offer: the app's own page, at `#alert/<offerId>`. */
export function alertUrl(location: RendererLocation, offerId: string): string {
  const url = new URL(location.url);
  url.hash = `alert/${encodeURIComponent(offerId)}`;
  return url.href;
}
