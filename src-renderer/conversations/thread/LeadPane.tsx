import { Composer } from '../composer/Composer';
import { LeadHeader } from './LeadHeader';
import { Thread } from './Thread';
import { useThread } from './thread-store';

/** The right pane: the opened lead's header and conversation. */
export function LeadPane() {
  const leadId = useThread((s) => s.leadId);
  const detail = useThread((s) => s.detail);
  const loading = useThread((s) => s.loading);

  if (!leadId) {
    return (
      <section className="lead-pane lead-pane-empty" data-testid="lead-pane">
        <p>Select a conversation to read it.</p>
      </section>
    );
  }
  return (
    <section className="lead-pane" data-testid="lead-pane" data-lead-id={leadId}>
      {detail ? (
        <>
          <LeadHeader lead={detail.lead} />
          <Thread detail={detail} />
          <Composer detail={detail} />
        </>
      ) : (
        <p className="lead-pane-note">{loading ? 'Opening…' : 'This lead could not be opened.'}</p>
      )}
    </section>
  );
}
