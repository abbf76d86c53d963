import type { QuietHoursWarning } from './quiet-hours-warning';

/**
 * The live reply outside the customer's allowed hours (issue 5 item 5): sending now stays
 * possible; their next allowed minute is one click away, as a scheduled text.
 */
export function QuietHoursNotice(props: {
  warning: QuietHoursWarning;
  canSend: boolean;
  onSendLater(at: number): void;
}) {
  const { warning, canSend, onSendLater } = props;
  return (
    <div
      className="composer-warning composer-quiet-hours"
      role="status"
      data-testid="composer-quiet-hours"
    >
      <span data-testid="composer-quiet-hours-text">{warning.text}</span>{' '}
      <button
        type="button"
        className="composer-tool"
        data-testid="composer-send-later"
        disabled={!canSend}
        onClick={() => onSendLater(warning.sendAt)}
      >
        {warning.sendLaterLabel}
      </button>
    </div>
  );
}
