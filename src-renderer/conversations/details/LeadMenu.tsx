import { useState } from 'react';
import { leadDisplayName, type Lead } from '../../../src-shared/domain/lead';
import { sendChange } from '../../changes/send-change';
import { Popover } from '../../lib/Popover';
import { useMenu } from '../../lib/use-menu';

/** The ⋯ menu: the lead id (copyable) and the lead's less frequent actions. */
export function LeadMenu({ lead }: { lead: Lead }) {
  const [copied, setCopied] = useState<string | null>(null);
  const name = leadDisplayName(lead);
  const done = lead.doneAt !== null;
  const items = [{ label: 'Copy lead id' }, { label: done ? 'Mark not done' : 'Mark done' }];
  const menu = useMenu({
    items,
    onChoose: (index) => {
      if (index === 0) {
        navigator.clipboard.writeText(lead.id).then(
          () => setCopied('Lead id copied'),
          () => setCopied('Could not copy: select the id instead'),
        );
      } else {
        void sendChange(
          'markDone',
          { leadId: lead.id, done: !done },
          `mark ${name} ${done ? 'not done' : 'done'}`,
        );
      }
    },
  });

  return (
    <>
      <button
        type="button"
        className="button-quiet details-menu-button"
        data-testid="details-menu"
        aria-label={`Lead actions for ${name}`}
        {...menu.triggerProps}
      >
        ⋯
      </button>
      <span className="visually-hidden" role="status" data-testid="details-copied">
        {copied ?? ''}
      </span>
      {menu.open && (
        <Popover anchor={menu.triggerRef} align="end">
          <ul className="menu" aria-label={`Lead actions for ${name}`} {...menu.menuProps}>
            <li role="presentation" className="menu-note">
              Lead id <code data-testid="details-lead-id">{lead.id}</code>
            </li>
            {items.map((item, index) => (
              <li
                key={item.label}
                role="menuitem"
                className="menu-item"
                data-active={index === menu.active}
                data-testid={index === 0 ? 'details-copy-id' : 'details-mark-done'}
                {...menu.itemProps(index)}
              >
                {item.label}
              </li>
            ))}
          </ul>
        </Popover>
      )}
    </>
  );
}
