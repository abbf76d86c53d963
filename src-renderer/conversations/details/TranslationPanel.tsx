import { useState } from 'react';
import type { Lead } from '../../../src-shared/domain/lead';
import { LANGUAGES, languageName } from '../../../src-shared/language/languages';
import { request } from '../../api/request';
import { useThread } from '../thread/thread-store';

/** How many of the customer's newest messages one click translates. */
const NEWEST = 10;

/** The agent reads the language of this browser when Showroom knows it, else English. */
function agentLanguage(): string {
  const primary = navigator.language.slice(0, 2).toLowerCase();
  return LANGUAGES.some((language) => language.code === primary) ? primary : 'en';
}

type Shown =
  | { kind: 'pairs'; pairs: { id: string; original: string; translation: string }[] }
  | { kind: 'unavailable'; reason: string };

/**
 * For a lead who writes in another language: the customer's newest messages, each original
 * with its translation under it, through the translation service the desktop core is set up
 * with (the page itself reaches no outside service).
 */
export function TranslationPanel({ lead }: { lead: Lead }) {
  const [shown, setShown] = useState<Shown | null>(null);
  const [busy, setBusy] = useState(false);
  const target = agentLanguage();
  if (lead.language === target) return null;

  const translate = async () => {
    const inbound = useThread
      .getState()
      .items.flatMap((item) =>
        item.kind === 'message' && item.message.direction === 'in' && item.message.body.trim()
          ? [{ id: item.message.id, body: item.message.body }]
          : [],
      )
      .slice(-NEWEST);
    if (inbound.length === 0) {
      setShown({
        kind: 'unavailable',
        reason: 'The customer has not written anything to translate.',
      });
      return;
    }
    setBusy(true);
    const result = await request(
      'translate',
      { texts: inbound.map((m) => m.body), source: lead.language, target },
      'translate the conversation',
    );
    setBusy(false);
    if (!result) return;
    if (result.translations === null) {
      setShown({ kind: 'unavailable', reason: result.reason });
      return;
    }
    const translations = result.translations;
    setShown({
      kind: 'pairs',
      pairs: inbound.map((m, i) => ({
        id: m.id,
        original: m.body,
        translation: translations[i] ?? '',
      })),
    });
  };

  return (
    <div className="details-block details-translation">
      <button
        type="button"
        className="button-quiet"
        data-testid="details-translate"
        disabled={busy}
        onClick={() => void translate()}
      >
        {busy ? 'Translating…' : `Translate from ${languageName(lead.language)}`}
      </button>
      {shown?.kind === 'unavailable' && (
        <p className="details-text details-muted" data-testid="details-translation-unavailable">
          {shown.reason}
        </p>
      )}
      {shown?.kind === 'pairs' && (
        <ul
          className="details-list"
          aria-label="Translated messages"
          data-testid="details-translation"
        >
          {shown.pairs.map((pair) => (
            <li key={pair.id} className="translation-pair" data-testid="details-translation-pair">
              <span className="translation-original" lang={lead.language}>
                {pair.original}
              </span>
              <span className="translation-text" lang={target}>
                {pair.translation}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
