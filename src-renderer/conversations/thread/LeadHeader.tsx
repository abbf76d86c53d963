import type { Lead } from '../../../src-shared/domain/lead';
import { leadDisplayName } from '../../../src-shared/domain/lead';
import { formatPhone } from '../../../src-shared/phone/phone';
import { useDirectory } from '../../directory/directory-store';
import { CallButton } from '../call/CallButton';
import { MarkRespondedButton } from '../lead-status/MarkRespondedButton';
import { StatusPicker } from '../lead-status/StatusPicker';

/** Nobody may message a lead that opted out or is Dead (DESIGN §5); the pill says so first. */
export function canMessage(lead: Pick<Lead, 'optedOut' | 'status'>): boolean {
  return !lead.optedOut && lead.status !== 'dead';
}

export function LeadHeader({ lead }: { lead: Lead }) {
  const storeName = useDirectory((s) => s.storesById.get(lead.storeId)?.name ?? '');
  const assignee = useDirectory((s) =>
    lead.assignedUserId ? (s.usersById.get(lead.assignedUserId)?.name ?? null) : null,
  );
  const allowed = canMessage(lead);
  const name = leadDisplayName(lead);
  const contact = [...lead.phones.map((p) => formatPhone(p.number)), lead.email].filter(Boolean);

  return (
    <header className="lead-header" data-testid="lead-header">
      <div className="lead-header-line">
        <span
          className={`opt-pill ${allowed ? 'opt-in' : 'opt-out'}`}
          data-testid="lead-opt"
          data-can-message={allowed}
          title={allowed ? 'You can message this lead' : 'Opted out: do not message this lead'}
        >
          {allowed ? 'Opted in' : 'Opted out'}
        </span>
        <h2 className="lead-name" data-testid="lead-name">
          {name}
        </h2>
        <StatusPicker lead={{ id: lead.id, name, status: lead.status, optedOut: lead.optedOut }} />
        {lead.awaitingSince !== null && <MarkRespondedButton lead={{ id: lead.id, name }} />}
        <CallButton key={lead.id} lead={lead} />
        <span className="lead-store" data-testid="lead-store">
          {storeName}
        </span>
      </div>
      <div className="lead-header-facts">
        {contact.length > 0 && <span data-testid="lead-contact">{contact.join(' · ')}</span>}
        <span>Source: {lead.source}</span>
        <span>{assignee ? `Assigned to ${assignee}` : 'Unassigned'}</span>
        <span className="lead-id" title="Lead id">
          {lead.id}
        </span>
      </div>
    </header>
  );
}
