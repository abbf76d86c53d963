import { SMART_FIELDS, smartFieldToken } from '../../../src-shared/smart-fields';
import type { SmartFieldGroup } from '../../../src-shared/smart-fields';
import { Popover } from '../../lib/Popover';
import { useMenu } from '../../lib/use-menu';

const GROUP_LABELS: Record<SmartFieldGroup, string> = {
  lead: 'Lead',
  store: 'Store',
  agent: 'You',
  appointment: 'Appointment',
};
const ITEMS = SMART_FIELDS.map((field) => ({
  label: `${GROUP_LABELS[field.group]}: ${field.label}`,
}));

/** Inserts `{lead.firstName}` and the rest; the preview under the box shows what they become. */
export function SmartFieldMenu({
  disabled,
  onPick,
}: {
  disabled: boolean;
  onPick(token: string): void;
}) {
  const menu = useMenu({
    items: ITEMS,
    onChoose: (index) => {
      const field = SMART_FIELDS[index];
      if (field) onPick(smartFieldToken(field.key));
    },
  });
  return (
    <>
      <button
        type="button"
        className="composer-tool"
        data-testid="composer-smart-fields"
        title="Insert a smart field: the lead's, store's or your own details, filled in when sent"
        disabled={disabled}
        {...menu.triggerProps}
      >
        {'{ }'} Smart fields
      </button>
      {menu.open && (
        <Popover anchor={menu.triggerRef}>
          <ul
            className="menu smart-field-menu"
            aria-label="Smart fields"
            data-testid="smart-field-menu"
            {...menu.menuProps}
          >
            {SMART_FIELDS.map((field, index) => (
              <li
                key={field.key}
                role="menuitem"
                className="menu-item"
                data-active={index === menu.active}
                data-testid="smart-field-option"
                data-field={field.key}
                {...menu.itemProps(index)}
              >
                {ITEMS[index]?.label}
                <code className="smart-field-token">{smartFieldToken(field.key)}</code>
              </li>
            ))}
          </ul>
        </Popover>
      )}
    </>
  );
}
