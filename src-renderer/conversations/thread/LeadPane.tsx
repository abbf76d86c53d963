import { Composer } from '../composer/Composer';
import { LeadLockBar } from '../lead-lock/LeadLockBar';
import {
  useLeadActivityFeed,
  useLeadWriteBlock,
  useReportOpenLead,
} from '../lead-lock/use-lead-activity';
import { LeadHeader } from './LeadHeader';
import { Thread } from './Thread';
import { useThread } from './thread-store';

/** The right pane: the opened lead's header and conversation. */
export function LeadPane() {
  const leadId = useThread((s) => s.leadId);
  const detail = useThread((s) => s.detail);
  const loading = useThread((s) => s.loading);
  useLeadActivityFeed();
  useReportOpenLead(leadId);
  const writeBlock = useLeadWriteBlock(leadId);

  if (!leadId) {
    return (
      <section className="lead-pane lead-pane-empty" data-testid="lead-pane">
        <p>Select a conversation to read it.</p>
      </section>
    );
  }
  return (
    <section
      className="lead-pane"
      data-testid="lead-pane"
      data-lead-id={leadId}
      data-read-only={writeBlock !== null}
    >
      {detail ? (
        <>
          {/* Someone else is in the lead: its actions are read-only here (issue 4). */}
          <fieldset className="lead-lock-guard" disabled={writeBlock !== null}>
            <LeadHeader lead={detail.lead} />
          </fieldset>
          <LeadLockBar leadId={leadId} />
          <Thread detail={detail} />
          <Composer detail={detail} readOnlyReason={writeBlock} />
        </>
      ) : (
        <p className="lead-pane-note">{loading ? 'Opening…' : 'This lead could not be opened.'}</p>
      )}
    </section>
  );
}
