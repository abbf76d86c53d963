import { useRejectedChanges } from '../changes/rejected-changes-store';

/** Each change the cloud refused: what was undone on this PC and why, until dismissed. */
export function RejectedChangeList() {
  const rejected = useRejectedChanges((s) => s.rejected);
  const dismiss = useRejectedChanges((s) => s.dismiss);
  if (rejected.length === 0) return null;
  return (
    <ul className="call-errors" aria-label="Changes that were undone">
      {rejected.map((change) => (
        <li
          key={change.mutationId}
          className="banner banner-warning"
          role="alert"
          data-testid="change-rejected"
          data-code={change.code}
        >
          <span className="banner-text">
            <strong>Undone: {change.what}.</strong> {sentence(change.why)}
          </span>
          <button
            type="button"
            className="button-quiet"
            aria-label={`Dismiss: ${change.what} was undone`}
            onClick={() => dismiss(change.mutationId)}
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}

/** The cloud words its reasons for programs too ("only a manager can..."): start a sentence. */
function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
