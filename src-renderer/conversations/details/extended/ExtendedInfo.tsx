import { leadDisplayName, type Lead } from '../../../../src-shared/domain/lead';
import type { TimelineEvent } from '../../../../src-shared/domain/timeline';
import { formatThreadTime } from '../../../lib/time';
import { useDirectory } from '../../../directory/directory-store';
import { updateLead } from '../update-lead';
import { FinancialEditor } from './FinancialEditor';
import { VehicleEditor } from './VehicleEditor';

/** Every note on the lead, then the vehicle of interest, the trade-in and the money, editable. */
export function ExtendedInfo({ lead, notes }: { lead: Lead; notes: TimelineEvent[] | null }) {
  const usersById = useDirectory((s) => s.usersById);
  const who = { id: lead.id, name: leadDisplayName(lead) };
  return (
    <section
      className="details-section"
      aria-labelledby="details-extended-title"
      data-testid="details-extended"
    >
      <h3 id="details-extended-title">Extended info</h3>
      <div className="details-block">
        <h4>Notes</h4>
        {notes === null ? (
          <p className="details-text">Reading…</p>
        ) : notes.length === 0 ? (
          <p className="details-text">No notes yet.</p>
        ) : (
          <ul className="details-notes" data-testid="details-notes">
            {notes.map((note) => (
              <li key={note.id} data-testid="details-note" data-id={note.id}>
                <p className="details-note-text">{note.text}</p>
                <p className="details-note-meta">
                  {(note.actorUserId && usersById.get(note.actorUserId)?.name) || 'Showroom'} ·{' '}
                  {formatThreadTime(note.createdAt)}
                </p>
              </li>
            ))}
          </ul>
        )}
      </div>
      <VehicleEditor
        title="Vehicle of interest"
        testId="details-vehicle"
        vehicle={lead.vehicle}
        save={(vehicle) => updateLead(who, { vehicle }, 'the vehicle of interest')}
      />
      <VehicleEditor
        title="Trade-in"
        testId="details-trade-in"
        vehicle={lead.tradeIn}
        save={(tradeIn) => updateLead(who, { tradeIn }, 'the trade-in')}
      />
      <FinancialEditor
        financial={lead.financial}
        save={(financial) => updateLead(who, { financial }, 'the financial info')}
      />
    </section>
  );
}
