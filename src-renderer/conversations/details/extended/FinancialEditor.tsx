import { useId, useState } from 'react';
import type { Lead } from '../../../../src-shared/domain/lead';
import { parseAmount } from './parse-extended';

type Financial = NonNullable<Lead['financial']>;
type CreditRating = Financial['creditRating'];

const RATINGS: Record<CreditRating, string> = {
  excellent: 'Excellent',
  good: 'Good',
  fair: 'Fair',
  poor: 'Poor',
  unknown: 'Unknown',
};

const money = (amount: number | null) =>
  amount === null ? '—' : `$${amount.toLocaleString('en-US')}`;

/** Credit, down payment and monthly budget, as the customer told them. */
export function FinancialEditor(props: {
  financial: Financial | null;
  save(financial: Financial | null): Promise<unknown>;
}) {
  const { financial } = props;
  const [draft, setDraft] = useState<{
    rating: CreditRating;
    down: string;
    monthly: string;
  } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const ids = { rating: useId(), down: useId(), monthly: useId() };

  const submit = async () => {
    if (!draft) return;
    const down = parseAmount('down payment', draft.down);
    const monthly = parseAmount('monthly budget', draft.monthly);
    const failed = [down, monthly].find((parsed) => !parsed.ok);
    if (failed && !failed.ok) {
      setError(failed.error);
      return;
    }
    if (!down.ok || !monthly.ok) return;
    const empty = draft.rating === 'unknown' && down.value === null && monthly.value === null;
    await props.save(
      empty
        ? null
        : { creditRating: draft.rating, downPayment: down.value, monthlyBudget: monthly.value },
    );
    setDraft(null);
  };

  return (
    <div className="details-block" data-testid="details-financial">
      <div className="details-section-head">
        <h4>Financial</h4>
        {!draft && (
          <button
            type="button"
            className="button-quiet"
            data-testid="details-financial-edit"
            aria-label="Edit financial"
            onClick={() =>
              setDraft({
                rating: financial?.creditRating ?? 'unknown',
                down: financial?.downPayment?.toString() ?? '',
                monthly: financial?.monthlyBudget?.toString() ?? '',
              })
            }
          >
            Edit
          </button>
        )}
      </div>
      {!draft && (
        <p className="details-text" data-testid="details-financial-value">
          {financial
            ? `Credit ${RATINGS[financial.creditRating]} · Down ${money(financial.downPayment)} · Monthly ${money(financial.monthlyBudget)}`
            : 'None'}
        </p>
      )}
      {draft && (
        <form
          className="details-grid-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <label htmlFor={ids.rating}>
            Credit
            <select
              id={ids.rating}
              data-testid="details-financial-rating"
              value={draft.rating}
              onChange={(event) =>
                setDraft({ ...draft, rating: event.target.value as CreditRating })
              }
            >
              {(Object.keys(RATINGS) as CreditRating[]).map((rating) => (
                <option key={rating} value={rating}>
                  {RATINGS[rating]}
                </option>
              ))}
            </select>
          </label>
          <label htmlFor={ids.down}>
            Down payment
            <input
              id={ids.down}
              data-testid="details-financial-down"
              inputMode="decimal"
              value={draft.down}
              onChange={(event) => {
                setDraft({ ...draft, down: event.target.value });
                setError(null);
              }}
            />
          </label>
          <label htmlFor={ids.monthly}>
            Monthly budget
            <input
              id={ids.monthly}
              data-testid="details-financial-monthly"
              inputMode="decimal"
              value={draft.monthly}
              onChange={(event) => {
                setDraft({ ...draft, monthly: event.target.value });
                setError(null);
              }}
            />
          </label>
          {error && (
            <p className="details-error" role="alert" data-testid="details-field-error">
              {error}
            </p>
          )}
          <div className="details-buttons">
            <button type="submit" className="button-small" data-testid="details-financial-save">
              Save
            </button>
            <button type="button" className="button-quiet" onClick={() => setDraft(null)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
