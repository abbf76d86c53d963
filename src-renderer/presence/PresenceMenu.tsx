import type { ManualPresence, PresenceState } from '../../src-shared/presence/presence';
import { Popover } from '../lib/Popover';
import { useMenu } from '../lib/use-menu';
import { describePresence } from './describe-presence';
import { usePresence } from './presence-store';

const CHOICES: readonly { state: ManualPresence; label: string }[] = [
  { state: 'online', label: 'Online' },
  { state: 'away', label: 'Away' },
  { state: 'offline', label: 'Offline' },
];

/** The choice a state stands for: extended away is still Away to the person choosing. */
function chosen(state: PresenceState): ManualPresence {
  return state === 'extended_away' ? 'away' : state;
}

/**
 * The person's own presence at the top right (dot and words, "Away: idle"), and the menu to
 * choose Online, Away or Offline. A manual choice holds until they choose again (DESIGN §6).
 */
export function PresenceMenu() {
  const presence = usePresence((s) => s.presence);
  const choosing = usePresence((s) => s.choosing);
  const current = presence ? CHOICES.findIndex((c) => c.state === chosen(presence.state)) : 0;
  const menu = useMenu({
    items: CHOICES,
    startAt: Math.max(0, current),
    onChoose: (index) => {
      const choice = CHOICES[index];
      if (choice) void usePresence.getState().choose(choice.state);
    },
  });
  const words = presence ? describePresence(presence) : null;
  const label = words?.label ?? 'Status…';

  return (
    <div className="presence-menu">
      <button
        type="button"
        className={`presence-button presence-${words?.state ?? 'unknown'}`}
        data-testid="presence-status"
        data-state={presence?.state ?? 'unknown'}
        data-reason={presence?.reason}
        aria-label={`Your status: ${label}. Change status`}
        aria-busy={choosing !== null || undefined}
        title="Your status: whether new leads ring at your desk"
        {...menu.triggerProps}
      >
        <span className="presence-dot" aria-hidden />
        <span data-testid="presence-label">{label}</span>
        <span aria-hidden className="caret">
          ▾
        </span>
      </button>
      {menu.open && (
        <Popover anchor={menu.triggerRef} align="end">
          <ul className="menu" aria-label="Your status" {...menu.menuProps}>
            {CHOICES.map((choice, index) => (
              <li
                key={choice.state}
                role="menuitemradio"
                aria-checked={index === current && presence !== null}
                className="menu-item"
                data-active={index === menu.active}
                data-testid={`presence-choose-${choice.state}`}
                {...menu.itemProps(index)}
              >
                <span className={`presence-dot presence-${choice.state}`} aria-hidden />
                {choice.label}
              </li>
            ))}
          </ul>
        </Popover>
      )}
    </div>
  );
}
