import type { PullResponse, SyncChange, User } from '../../src-shared';
import { META_KEYS } from '../replica/local/meta';
import type { Replica } from '../replica/replica';
import type { CloudApi } from './cloud-api';
import { changeUnderEffects } from './local-effects/rebase';

export interface SyncProgress {
  received: number;
  total: number;
}

export interface PullContext {
  api: CloudApi;
  pageSize: number;
  replica(): Replica;
  me(): User | null;
  checkRunning(): void;
  replicaChanged(tables: string[]): void;
  progress(progress: SyncProgress | null): void;
  /**
   * A page's changes, once in the replica (the core tells people of new messages). `firstSync`:
   * this pull started from nothing (a sign-in, a reset), so its changes are history.
   */
  pulled?(changes: readonly SyncChange[], firstSync: boolean): void;
}

/**
 * Pulls pages from the replica's cursor until the cloud says there is no more, each page in one
 * transaction with the cursor (a crash resumes from the last page that landed), under the
 * user's pending effects. While one page is written the next is already on its way.
 * Progress counts versions: of the cloud's versions since the cursor, how many are in.
 */
export async function pullUntilCaughtUp(context: PullContext): Promise<{ received: number }> {
  const start = Number(context.replica().getMeta(META_KEYS.syncCursor) ?? 0);
  let next = fetchPage(context, start);
  let received = 0;
  for (;;) {
    const page = await next;
    context.checkRunning();
    if (page.more) next = fetchPage(context, page.cursor);
    const replica = context.replica();
    const tables = changeUnderEffects(replica, context.me, () => {
      const touched = replica.applyChanges(page.changes);
      replica.setMeta(META_KEYS.syncCursor, String(page.cursor));
      return touched;
    });
    received += page.changes.length;
    if (tables.length > 0) context.replicaChanged(tables);
    if (page.changes.length > 0) context.pulled?.(page.changes, start === 0);
    const total = page.version - start;
    context.progress(
      page.more && total > context.pageSize ? { received: page.cursor - start, total } : null,
    );
    if (!page.more) return { received };
  }
}

function fetchPage(context: PullContext, since: number): Promise<PullResponse> {
  const page = context.api.pull(since, context.pageSize);
  // Awaited later, or never when writing the page before it fails: never an unhandled rejection.
  page.catch(() => undefined);
  return page;
}
