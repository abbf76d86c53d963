import { useId } from 'react';
import {
  LEAD_STATUSES,
  LEAD_STATUS_LABELS,
  type LeadStatus,
} from '../../../src-shared/domain/lead-status';
import { useDirectory } from '../../directory/directory-store';
import { Popover } from '../../lib/Popover';
import { useMenu } from '../../lib/use-menu';
import { StatusBubble } from '../lead-badges/StatusBubble';
import { changeStatus, mayLeaveDead, ONLY_MANAGERS_LEAVE_DEAD } from './change-status';

interface PickerLead {
  id: string;
  name: string;
  status: LeadStatus;
  /** Known in the lead header; a queue row does not carry it. */
  optedOut?: boolean;
}

/**
 * The status bubble as a menu button: New, Hot, Warm, Cold, Follow Up, Sold, Dead. Choosing one
 * sends `setLeadStatus`; the views follow through `replicaChanged`. On a Dead lead an agent sees
 * the other statuses greyed out, with the reason.
 */
export function StatusPicker({ lead }: { lead: PickerLead }) {
  const role = useDirectory((s) => s.directory?.me.role ?? 'agent');
  // The cloud treats an opted-out lead as Dead whatever its status says.
  const stuckInDead = (lead.status === 'dead' || lead.optedOut === true) && !mayLeaveDead(role);
  const items = LEAD_STATUSES.map((status) => ({
    label: LEAD_STATUS_LABELS[status],
    disabled: stuckInDead && status !== 'dead',
  }));
  const menu = useMenu({
    items,
    startAt: LEAD_STATUSES.indexOf(lead.status),
    onChoose: (index) => {
      const status = LEAD_STATUSES[index];
      if (status && status !== lead.status) void changeStatus(lead, status);
    },
  });
  const noteId = useId();

  return (
    <>
      <button
        type="button"
        className="status-picker"
        data-testid="status-picker"
        aria-label={`Status: ${LEAD_STATUS_LABELS[lead.status]}. Change the status of ${lead.name}`}
        title="Change the status"
        {...menu.triggerProps}
      >
        <StatusBubble status={lead.status} />
      </button>
      {menu.open && (
        <Popover anchor={menu.triggerRef}>
          <ul
            className="menu"
            aria-label={`Status of ${lead.name}`}
            data-testid="status-menu"
            {...menu.menuProps}
          >
            {stuckInDead && (
              <li role="presentation" id={noteId} className="menu-note" data-testid="status-note">
                {ONLY_MANAGERS_LEAVE_DEAD}
              </li>
            )}
            {LEAD_STATUSES.map((status, index) => (
              <li
                key={status}
                role="menuitemradio"
                aria-checked={status === lead.status}
                aria-describedby={items[index]?.disabled ? noteId : undefined}
                className="menu-item"
                data-active={index === menu.active}
                data-testid="status-option"
                data-status={status}
                {...menu.itemProps(index)}
              >
                <span className={`status-dot status-${status}`} aria-hidden />
                {LEAD_STATUS_LABELS[status]}
              </li>
            ))}
          </ul>
        </Popover>
      )}
    </>
  );
}
