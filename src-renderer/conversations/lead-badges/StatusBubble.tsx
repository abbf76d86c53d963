import { LEAD_STATUS_LABELS, type LeadStatus } from '../../../src-shared/domain/lead-status';

/** The coloured status pill; colours live in styles/base.css as `.status-<status>`. */
export function StatusBubble({ status }: { status: LeadStatus }) {
  return (
    <span
      className={`status-bubble status-${status}`}
      data-testid="status-bubble"
      data-status={status}
    >
      {LEAD_STATUS_LABELS[status]}
    </span>
  );
}
