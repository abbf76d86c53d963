import { LeadDetailsPane } from './details/LeadDetailsPane';
import { Queue } from './queue/Queue';
import { Sidebar } from './sidebar/Sidebar';
import { LeadPane } from './thread/LeadPane';
import { useQueueFollowsSidebar } from './use-queue-follows-sidebar';

/** The three panes of the Convergix conversations page: sidebar, queue, lead. */
export function ConversationsPage({ hidden = false }: { hidden?: boolean }) {
  useQueueFollowsSidebar();
  return (
    <main className="conversations" hidden={hidden}>
      <Sidebar />
      <Queue />
      <LeadPane />
      <LeadDetailsPane />
    </main>
  );
}
