import { useEffect } from 'react';
import { DEFAULT_DESKTOP_SETTINGS } from '../../src-shared/presence/settings';
import { consoleApi } from '../api/console-api';
import { useSettings } from '../settings/settings-store';
import { OfferAlertCard } from './OfferAlertCard';
import { ringingEntries, useOffers } from './offers-store';
import { useRing } from './use-ring';
import { ringsInThisWindow } from './which-window-rings';

/** Keeps this window's offers and settings as the core has them. */
function useAlertWindowStartup(offerId: string): void {
  useEffect(() => {
    const api = consoleApi();
    const unsubscribe = [
      api.on('offerRinging', (offer) => useOffers.getState().ringing(offer)),
      api.on('offerClosed', (closed) => useOffers.getState().closed(closed)),
      // Electron tells a closing alert window why with a notice named after its offer.
      api.on('notice', ({ id, message }) => {
        if (id === closingNoticeId(offerId)) useOffers.getState().closed({ offerId, message });
      }),
      api.on('settingsChanged', (settings) => useSettings.getState().set(settings)),
    ];
    void useOffers.getState().load();
    void useSettings.getState().load();
    return () => unsubscribe.forEach((stop) => stop());
  }, [offerId]);
}

/** The id of the notice src-main/electron/lead-alerts.ts sends before it closes the window. */
function closingNoticeId(offerId: string): string {
  return `offer-closed:${offerId}`;
}

/**
 * The whole of Electron's always-on-top alert window (`#alert/<offerId>`): one offer, no shell.
 * It asks for the offers already ringing, since the window opens after the offer rang.
 */
export function AlertWindow({ offerId }: { offerId: string }) {
  useAlertWindowStartup(offerId);
  const entries = useOffers((s) => s.entries);
  const loaded = useOffers((s) => s.loaded);
  const playSounds = useSettings((s) => (s.settings ?? DEFAULT_DESKTOP_SETTINGS).playSounds);
  const entry = entries.find((e) => e.offer.offerId === offerId);
  const ringingIds = ringingEntries(entries).map((e) => e.offer.offerId);
  const ringing = playSounds && ringsInThisWindow(offerId, ringingIds);
  useRing(ringing);
  const leadName = entry?.offer.leadName;
  useEffect(() => {
    // The window's title is what the taskbar and a screen reader's window list show.
    document.title = leadName ? `New lead: ${leadName} · Showroom` : 'Showroom';
  }, [leadName]);
  return (
    <main className="alert-window" data-testid="offer-alerts" data-ringing={ringing}>
      {entry ? (
        <OfferAlertCard
          entry={entry}
          compact
          onAccept={(id) => void useOffers.getState().accept(id)}
        />
      ) : (
        <p className="alert-window-empty" role="status" data-testid="offer-gone">
          {loaded ? 'This lead is no longer ringing.' : 'Loading the lead…'}
        </p>
      )}
    </main>
  );
}
