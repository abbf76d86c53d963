import { DEFAULT_DESKTOP_SETTINGS } from '../../src-shared/presence/settings';
import { openLeadInConsole } from '../app/open-lead';
import { useSettings } from '../settings/settings-store';
import { OfferAlertCard } from './OfferAlertCard';
import { ringingEntries, useOffers, type OfferEntry } from './offers-store';
import { useRing } from './use-ring';

/** The core also says `openLead` after an accept; opening at once saves the wait for it. */
async function acceptHere(offerId: string): Promise<void> {
  const leadId = await useOffers.getState().accept(offerId);
  if (leadId) openLeadInConsole(leadId);
}

function ringingSentence(waiting: readonly OfferEntry[]): string {
  if (waiting.length === 0) return '';
  if (waiting.length === 1) return `A lead is ringing: ${waiting[0]?.offer.leadName ?? ''}`;
  return `${waiting.length} leads are ringing`;
}

/**
 * The browser host's in-page alerts (DESIGN §7): every ringing lead, stacked in a corner over
 * the console, and the ring while one waits for an answer.
 */
export function OfferAlertStack() {
  const entries = useOffers((s) => s.entries);
  const playSounds = useSettings((s) => (s.settings ?? DEFAULT_DESKTOP_SETTINGS).playSounds);
  const waiting = ringingEntries(entries);
  const ringing = playSounds && waiting.length > 0;
  useRing(ringing);
  return (
    <>
      {/* The alerts never take focus, so a screen reader hears of a new one here. */}
      <p className="visually-hidden" role="status">
        {ringingSentence(waiting)}
      </p>
      <section
        className="offer-alerts"
        aria-label="Ringing leads"
        data-testid="offer-alerts"
        data-ringing={ringing}
        data-count={entries.length}
      >
        {entries.map((entry) => (
          <OfferAlertCard
            key={entry.offer.offerId}
            entry={entry}
            onAccept={(id) => void acceptHere(id)}
          />
        ))}
      </section>
    </>
  );
}
