import { useDirectory } from '../directory/directory-store';

export function AppHeader() {
  const directory = useDirectory((s) => s.directory);
  return (
    <header className="app-header">
      <span className="app-brand">Showroom</span>
      <nav className="app-tabs" aria-label="Sections">
        <span className="app-tab" aria-current="page">
          Conversations
        </span>
      </nav>
      {directory && (
        <span className="app-who" data-testid="signed-in-as">
          {directory.me.name} · {directory.tenant.name}
        </span>
      )}
    </header>
  );
}
