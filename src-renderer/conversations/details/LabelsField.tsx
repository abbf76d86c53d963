import { useId } from 'react';
import { leadDisplayName, type Lead } from '../../../src-shared/domain/lead';
import { useDirectory } from '../../directory/directory-store';
import { updateLead } from './update-lead';

/** The lead's labels ("Bad Credit", "Voucher"): removed with their ×, added from the list. */
export function LabelsField({ lead }: { lead: Lead }) {
  const labels = useDirectory((s) => s.directory?.labels ?? []);
  const addId = useId();
  const who = { id: lead.id, name: leadDisplayName(lead) };
  const byId = new Map(labels.map((label) => [label.id, label]));
  const addable = labels.filter((label) => !lead.labelIds.includes(label.id));
  const save = (labelIds: string[], what: string) => void updateLead(who, { labelIds }, what);

  return (
    <div className="details-labels">
      <ul className="label-chips" aria-label="Labels" data-testid="details-labels">
        {lead.labelIds.map((labelId) => {
          const label = byId.get(labelId);
          const name = label?.name ?? labelId;
          return (
            <li
              key={labelId}
              className="label-chip"
              data-testid="details-label"
              data-label-id={labelId}
            >
              <span
                className="label-dot"
                style={{ background: label?.color ?? '#999999' }}
                aria-hidden
              />
              {name}
              <button
                type="button"
                className="label-remove"
                data-testid="details-label-remove"
                aria-label={`Remove label ${name}`}
                onClick={() =>
                  save(
                    lead.labelIds.filter((id) => id !== labelId),
                    `removing label ${name}`,
                  )
                }
              >
                ×
              </button>
            </li>
          );
        })}
      </ul>
      {addable.length > 0 && (
        <>
          <label className="visually-hidden" htmlFor={addId}>
            Add label
          </label>
          <select
            id={addId}
            data-testid="details-label-add"
            value=""
            onChange={(event) => {
              const label = byId.get(event.target.value);
              if (label) save([...lead.labelIds, label.id], `adding label ${label.name}`);
            }}
          >
            <option value="">Add label…</option>
            {addable.map((label) => (
              <option key={label.id} value={label.id}>
                {label.name}
              </option>
            ))}
          </select>
        </>
      )}
    </div>
  );
}
