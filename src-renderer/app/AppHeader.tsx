import { canSeeAgents } from '../agents/can-see-agents';
import { canEditStoreSettings } from '../contact-settings/can-edit-store-settings';
import { useDirectory } from '../directory/directory-store';
import { PresenceMenu } from '../presence/PresenceMenu';
import { ConnectionIndicator } from '../session/ConnectionIndicator';
import { UserMenu } from '../session/UserMenu';
import { useScreen, type Screen } from './screen-store';

export function AppHeader() {
  const screen = useScreen((s) => s.screen);
  const role = useDirectory((s) => s.directory?.me.role);
  const tabs: { screen: Screen; label: string }[] = [
    { screen: 'conversations', label: 'Conversations' },
    { screen: 'appointments', label: 'Appointments' },
    ...(canSeeAgents(role) ? [{ screen: 'agents' as const, label: 'Agents' }] : []),
    ...(canEditStoreSettings(role)
      ? [{ screen: 'contact-settings' as const, label: 'Contact settings' }]
      : []),
  ];
  return (
    <header className="app-header">
      <span className="app-brand">Showroom</span>
      <nav className="app-tabs" aria-label="Sections">
        {tabs.map((tab) => (
          <button
            key={tab.screen}
            type="button"
            className="app-tab"
            data-testid={`tab-${tab.screen}`}
            aria-current={screen === tab.screen ? 'page' : undefined}
            onClick={() => useScreen.getState().show(tab.screen)}
          >
            {tab.label}
          </button>
        ))}
      </nav>
      <div className="app-header-end">
        <ConnectionIndicator />
        <PresenceMenu />
        <UserMenu />
      </div>
    </header>
  );
}
