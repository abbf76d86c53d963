import { useDirectory } from '../../directory/directory-store';
import { LockGlyph } from './LeadLockBar';
import { useLeadActivity } from './lead-activity-store';
import { lockedByAnother } from './lead-activity-rules';

/** In a queue row: a lock when another agent is in the lead (hover says who). */
export function QueueRowLock({ leadId }: { leadId: string }) {
  const me = useDirectory((s) => s.directory?.me.id);
  const lock = useLeadActivity((s) => lockedByAnother(s.byLead.get(leadId), me));
  if (!lock) return null;
  const label = `${lock.name || 'Another agent'} is in this lead`;
  return (
    <span
      className="queue-row-lock"
      data-testid="queue-row-lock"
      data-user-id={lock.userId}
      role="img"
      aria-label={label}
      title={label}
    >
      <LockGlyph />
    </span>
  );
}
