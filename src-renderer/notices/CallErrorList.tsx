import { useCallErrors } from '../api/call-errors-store';

/** Every failed call, in words, until the user dismisses it. */
export function CallErrorList() {
  const errors = useCallErrors((s) => s.errors);
  const dismiss = useCallErrors((s) => s.dismiss);
  if (errors.length === 0) return null;
  return (
    <ul className="call-errors" data-testid="call-errors">
      {errors.map((error) => (
        <li key={error.id} className="banner banner-warning" role="alert" data-testid="call-error">
          <span className="banner-text">
            {error.text}
            {error.times > 1 && <span className="call-error-times"> (×{error.times})</span>}
          </span>
          <button
            type="button"
            className="button-quiet"
            aria-label="Dismiss"
            onClick={() => dismiss(error.id)}
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
