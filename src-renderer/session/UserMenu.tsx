import { useScreen } from '../app/screen-store';
import { useDirectory } from '../directory/directory-store';
import { Popover } from '../lib/Popover';
import { useMenu } from '../lib/use-menu';
import { pendingChangesText } from './describe-connection';
import { useSession } from './session-store';

const ITEMS = [
  { label: 'Settings', testId: 'open-settings' },
  { label: 'Switch user', testId: 'switch-user' },
  { label: 'Sign out', testId: 'sign-out' },
] as const;

/**
 * Who is signed in, at the top right; its menu opens this PC's Settings and ends the session:
 * "Switch user" for the next agent at a shared PC (DESIGN §10), "Sign out" to leave.
 */
export function UserMenu() {
  const directory = useDirectory((s) => s.directory);
  const pending = useSession((s) => s.connection?.pendingMutations ?? 0);
  const menu = useMenu({
    items: ITEMS,
    onChoose: (index) => {
      const label = ITEMS[index]?.label;
      if (label === 'Settings') useScreen.getState().show('settings');
      else void useSession.getState().signOut({ switchUser: label === 'Switch user' });
    },
  });
  if (!directory) return null;
  const unsent = pendingChangesText(pending);

  return (
    <div className="user-menu">
      <button
        type="button"
        className="user-menu-button"
        data-testid="user-menu"
        // The name begins with the visible text, as speech input says it (axe's label-content-name-mismatch).
        aria-label={`${directory.me.name} · ${directory.tenant.name}, account menu`}
        {...menu.triggerProps}
      >
        <span data-testid="signed-in-as">
          {directory.me.name} · {directory.tenant.name}
        </span>
        <span aria-hidden className="caret">
          ▾
        </span>
      </button>
      {menu.open && (
        <Popover anchor={menu.triggerRef} align="end">
          <ul
            className="menu"
            aria-label="Account"
            data-testid="user-menu-items"
            {...menu.menuProps}
          >
            <li role="presentation" className="menu-note">
              {directory.me.email}
              {unsent && (
                <span className="menu-warning" data-testid="user-menu-unsent">
                  {unsent}
                </span>
              )}
            </li>
            {ITEMS.map((item, index) => (
              <li
                key={item.label}
                role="menuitem"
                className="menu-item"
                data-active={index === menu.active}
                data-testid={item.testId}
                {...menu.itemProps(index)}
              >
                {item.label}
              </li>
            ))}
          </ul>
        </Popover>
      )}
    </div>
  );
}
