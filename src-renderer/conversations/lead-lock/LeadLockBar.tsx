import { mayTakeOverLead } from '../../../src-shared/presence/lead-activity';
import { request } from '../../api/request';
import { useDirectory } from '../../directory/directory-store';
import '../../styles/lead-lock.css';
import { describeTyping } from './lead-activity-rules';
import { useLeadWriteBlock, useOthersInLead } from './use-lead-activity';

/**
 * Under the lead's header: "NAME is in this lead" when someone else holds its lock (the lead is
 * read-only here; a manager may take it over), and who else is viewing and typing, live.
 */
export function LeadLockBar({ leadId }: { leadId: string }) {
  const blocked = useLeadWriteBlock(leadId);
  const others = useOthersInLead(leadId);
  const role = useDirectory((s) => s.directory?.me.role);
  const typing = others.filter((viewer) => viewer.typing);
  if (!blocked && others.length === 0) return null;
  return (
    <div className="lead-lock-bar">
      {blocked && (
        <div
          className="banner banner-warning lead-lock-banner"
          role="status"
          data-testid="lead-lock-banner"
        >
          <LockGlyph />
          <span className="banner-text">
            {blocked}. You can read the conversation; only they can write in it.
          </span>
          {role && mayTakeOverLead(role) && (
            <button
              type="button"
              className="lead-take-over"
              data-testid="lead-take-over"
              onClick={() => void request('takeOverLead', { leadId }, 'take over the lead')}
            >
              Take over
            </button>
          )}
        </div>
      )}
      {others.length > 0 && (
        <p className="lead-activity-line" aria-live="polite">
          <span data-testid="lead-viewers" data-user-ids={others.map((v) => v.userId).join(' ')}>
            Viewing: {others.map((v) => v.name || 'another agent').join(', ')}
          </span>
          {typing.length > 0 && (
            <span
              className="lead-typing"
              data-testid="lead-typing"
              data-user-ids={typing.map((v) => v.userId).join(' ')}
            >
              {describeTyping(typing.map((v) => v.name || 'Another agent'))}
            </span>
          )}
        </p>
      )}
    </div>
  );
}

export function LockGlyph() {
  return (
    <svg
      viewBox="0 0 16 16"
      width="13"
      height="13"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <rect x="3" y="7" width="10" height="7" rx="1.5" />
      <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" />
    </svg>
  );
}
