import { ConversationsPage } from '../conversations/ConversationsPage';
import { CallErrorList } from '../notices/CallErrorList';
import { ReplicaHealthBanner } from '../notices/ReplicaHealthBanner';
import { AppHeader } from './AppHeader';
import { useConsoleStartup } from './use-console-startup';

export function App() {
  useConsoleStartup();
  return (
    <div className="app">
      <AppHeader />
      <ReplicaHealthBanner />
      <CallErrorList />
      <ConversationsPage />
    </div>
  );
}
