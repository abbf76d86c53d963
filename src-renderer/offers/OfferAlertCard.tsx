import { useId } from 'react';
import { formatPhone } from '../../src-shared/phone/phone';
import { useNowEverySecond } from '../lib/use-now';
import { countdownSentence, formatCountdown, remainingMs } from './countdown';
import type { OfferEntry } from './offers-store';

interface Props {
  entry: OfferEntry;
  onAccept(offerId: string): void;
  /** The Electron alert window: the alert is the whole window. */
  compact?: boolean;
}

/**
 * One ringing lead: who, how to reach them, where and how they came in, what they wrote, the
 * time left, and Accept. It never takes focus by itself: a person typing elsewhere must not
 * accept a lead with the Enter meant for their message.
 */
export function OfferAlertCard({ entry, onAccept, compact = false }: Props) {
  const { offer, phase, message } = entry;
  const titleId = useId();
  const detailsId = useId();
  return (
    <section
      className={`offer-alert ${compact ? 'offer-alert-compact' : ''}`}
      role="alertdialog"
      aria-labelledby={titleId}
      aria-describedby={detailsId}
      data-testid="offer-alert"
      data-offer-id={offer.offerId}
      data-lead-id={offer.leadId}
      data-phase={phase}
    >
      <header className="offer-alert-head">
        <span className="offer-alert-kicker">New lead</span>
        <h2 id={titleId} className="offer-alert-name" data-testid="offer-lead-name">
          {offer.leadName}
        </h2>
        {phase === 'ringing' || phase === 'accepting' ? <Countdown entry={entry} /> : null}
      </header>
      <div id={detailsId}>
        <dl className="offer-alert-facts">
          <dt>Phone</dt>
          <dd data-testid="offer-phone">{offer.phone ? formatPhone(offer.phone) : 'No phone'}</dd>
          <dt>Store</dt>
          <dd data-testid="offer-store">{offer.storeName}</dd>
          <dt>Source</dt>
          <dd data-testid="offer-source">{offer.source}</dd>
        </dl>
        <p className="offer-alert-first" data-testid="offer-first-message">
          {offer.firstMessage}
        </p>
      </div>
      {message && (
        <p className="offer-alert-message" role="status" data-testid="offer-message">
          {message}
        </p>
      )}
      <button
        type="button"
        className="button-primary offer-alert-accept"
        data-testid="offer-accept"
        disabled={phase !== 'ringing'}
        onClick={() => onAccept(offer.offerId)}
      >
        {phase === 'accepting' ? 'Accepting…' : phase === 'accepted' ? 'Accepted' : 'Accept'}
      </button>
    </section>
  );
}

function Countdown({ entry }: { entry: OfferEntry }) {
  const now = useNowEverySecond();
  const left = remainingMs(entry.offer, now);
  return (
    <span
      className="offer-alert-countdown"
      role="timer"
      aria-label={countdownSentence(left)}
      data-testid="offer-countdown"
      data-remaining-ms={left}
    >
      {formatCountdown(left)}
    </span>
  );
}
