import { useId } from 'react';
import { leadDisplayName, type Lead } from '../../../src-shared/domain/lead';
import { LANGUAGES, languageName } from '../../../src-shared/language/languages';
import { updateLead } from './update-lead';

/**
 * The lead's language, changeable; beside it the language the core detected in the customer's
 * own messages when that differs, one click from being set.
 */
export function LanguageField({ lead, detected }: { lead: Lead; detected: string | null }) {
  const selectId = useId();
  const who = { id: lead.id, name: leadDisplayName(lead) };
  const known = LANGUAGES.some((language) => language.code === lead.language);
  const setLanguage = (language: string) => void updateLead(who, { language }, 'the language');
  return (
    <div className="details-row">
      <label className="details-key" htmlFor={selectId}>
        Language
      </label>
      <select
        id={selectId}
        data-testid="details-language"
        value={lead.language}
        onChange={(event) => setLanguage(event.target.value)}
      >
        {!known && <option value={lead.language}>{lead.language}</option>}
        {LANGUAGES.map((language) => (
          <option key={language.code} value={language.code}>
            {language.name}
          </option>
        ))}
      </select>
      {detected && detected !== lead.language && (
        <button
          type="button"
          className="button-quiet details-detected"
          data-testid="details-language-detected"
          data-language={detected}
          onClick={() => setLanguage(detected)}
        >
          Writes in {languageName(detected)}: set
        </button>
      )}
    </div>
  );
}
