import { BrowserWindow, screen, type WebContents } from 'electron';
import type { ConsoleEvents, OfferAlert } from '../../src-shared';
import { alertPosition, alertUrl, alertWindowOptions } from './alert-window';
import { EVENT_CHANNEL } from './ipc';
import type { RendererLocation } from './renderer-location';
import { hardenWebContents } from './window';

/** Long enough to read "Taken by Ana Ruiz", short enough not to be in the way. */
export const CLOSE_AFTER_MESSAGE_MS = 2500;

export interface LeadAlerts {
  /** Opens the offer's alert, or brings it back up if it is already open. */
  show(offer: OfferAlert): void;
  /** Tells the alert why it ends, then closes it a moment later. */
  close(offerId: string, message: string): void;
}

/** The notice an alert page gets before it closes (`id` names the offer). */
export function closingNotice(offerId: string, message: string): ConsoleEvents['notice'] {
  return { id: `offer-closed:${offerId}`, message };
}

/**
 * One always-on-top window per ringing offer, stacked bottom-right. Each is hardened like the
 * console; `onCreated` lets the entry trust its page for IPC and forward the core's events to
 * it (the alert asks getRingingOffers, calls acceptOffer and hears offerClosed).
 */
export function createLeadAlerts(options: {
  preloadPath: string;
  location: RendererLocation;
  onCreated: (webContents: WebContents) => void;
}): LeadAlerts {
  const open = new Map<string, { window: BrowserWindow; closing: boolean }>();

  const workArea = () => screen.getPrimaryDisplay().workArea;

  /** Closes the gaps an alert leaves, in the order the alerts came. */
  function restack(): void {
    const area = workArea();
    [...open.values()].forEach(({ window }, index) => {
      if (window.isDestroyed()) return;
      const { x, y } = alertPosition(area, index);
      window.setPosition(x, y);
    });
  }

  return {
    show(offer) {
      const existing = open.get(offer.offerId);
      if (existing) {
        if (!existing.closing && !existing.window.isDestroyed()) existing.window.showInactive();
        return;
      }
      const window = new BrowserWindow(
        alertWindowOptions(options.preloadPath, alertPosition(workArea(), open.size)),
      );
      open.set(offer.offerId, { window, closing: false });
      hardenWebContents(window.webContents, options.location);
      // Above full-screen apps too, where the plain always-on-top level is not enough.
      window.setAlwaysOnTop(true, 'screen-saver');
      options.onCreated(window.webContents);
      window.once('ready-to-show', () => window.showInactive());
      window.once('closed', () => {
        open.delete(offer.offerId);
        restack();
      });
      window.loadURL(alertUrl(options.location, offer.offerId)).catch((error: unknown) => {
        console.error('[showroom alert] the lead alert did not load:', error);
      });
    },

    close(offerId, message) {
      const entry = open.get(offerId);
      if (!entry || entry.closing) return;
      entry.closing = true;
      const { window } = entry;
      if (window.isDestroyed()) return;
      const notice = closingNotice(offerId, message);
      window.webContents.send(EVENT_CHANNEL, { event: 'notice', payload: notice });
      setTimeout(() => {
        if (!window.isDestroyed()) window.close();
      }, CLOSE_AFTER_MESSAGE_MS);
    },
  };
}
