import { ConversationsPage } from '../conversations/ConversationsPage';
import { CallErrorList } from '../notices/CallErrorList';
import { RejectedChangeList } from '../notices/RejectedChangeList';
import { ReplicaHealthBanner } from '../notices/ReplicaHealthBanner';
import { AppHeader } from './AppHeader';
import { useConsoleStartup } from './use-console-startup';

/** What a signed-in user works in: the top bar, the notices, the conversations page. */
export function Console() {
  useConsoleStartup();
  return (
    <>
      <AppHeader />
      <ReplicaHealthBanner />
      <RejectedChangeList />
      <CallErrorList />
      <ConversationsPage />
    </>
  );
}
