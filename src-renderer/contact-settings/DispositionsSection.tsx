import { useState } from 'react';
import {
  DISPOSITION_MAX,
  MAX_DISPOSITIONS,
  moveItem,
} from '../../src-shared/contact-settings/dispositions';
import { Field } from './Field';
import type { ContactSettingsForm } from './use-contact-settings-form';
import { AddRow } from './AddRow';

/** Seed 002's conversation dispositions: added, removed and put in order. */
export function DispositionsSection({ form }: { form: ContactSettingsForm }) {
  const list = form.draft.dispositions;
  const [adding, setAdding] = useState('');
  const [error, setError] = useState<string | null>(null);

  const add = () => {
    const text = adding.trim();
    const problem = !text
      ? 'Type the disposition to add'
      : text.length > DISPOSITION_MAX
        ? `A disposition is at most ${DISPOSITION_MAX} characters`
        : list.some((d) => d.trim().toLowerCase() === text.toLowerCase())
          ? `“${text}” is in the list already`
          : list.length >= MAX_DISPOSITIONS
            ? `At most ${MAX_DISPOSITIONS} dispositions`
            : null;
    setError(problem);
    if (problem) return;
    form.change({ dispositions: [...list, text] });
    setAdding('');
  };

  return (
    <fieldset className="settings-group">
      <legend>Conversation dispositions</legend>
      <p className="cs-hint">Offered, in this order, when an agent updates a lead’s status.</p>
      <ol className="cs-list" aria-label="Dispositions">
        {list.map((disposition, index) => (
          <li key={`${disposition}-${index}`} data-testid="disposition" data-text={disposition}>
            <span className="cs-list-text">{disposition}</span>
            {form.errorFor(`dispositions.${index}`) && (
              <span className="cs-error" role="alert">
                {form.errorFor(`dispositions.${index}`)}
              </span>
            )}
            <button
              type="button"
              className="button-quiet"
              data-testid="disposition-up"
              aria-label={`Move ${disposition} up`}
              disabled={index === 0}
              onClick={() => form.change({ dispositions: moveItem(list, index, -1) })}
            >
              ↑
            </button>
            <button
              type="button"
              className="button-quiet"
              data-testid="disposition-down"
              aria-label={`Move ${disposition} down`}
              disabled={index === list.length - 1}
              onClick={() => form.change({ dispositions: moveItem(list, index, 1) })}
            >
              ↓
            </button>
            <button
              type="button"
              className="button-quiet"
              data-testid="disposition-remove"
              aria-label={`Remove ${disposition}`}
              onClick={() => form.change({ dispositions: list.filter((_, i) => i !== index) })}
            >
              Remove
            </button>
          </li>
        ))}
      </ol>
      <AddRow onAdd={add}>
        <Field
          label="New disposition"
          testId="disposition-new"
          value={adding}
          error={error}
          onChange={setAdding}
        />
        <button
          type="button"
          className="button-secondary"
          data-testid="disposition-add"
          onClick={add}
        >
          Add
        </button>
      </AddRow>
    </fieldset>
  );
}
