import { ConnectionIndicator } from '../session/ConnectionIndicator';
import { UserMenu } from '../session/UserMenu';

export function AppHeader() {
  return (
    <header className="app-header">
      <span className="app-brand">Showroom</span>
      <nav className="app-tabs" aria-label="Sections">
        <span className="app-tab" aria-current="page">
          Conversations
        </span>
      </nav>
      <div className="app-header-end">
        <ConnectionIndicator />
        <UserMenu />
      </div>
    </header>
  );
}
