import type {
  Directory,
  FolderCounts,
  LeadDetail,
  QueueFilters,
  QueuePage,
  QueueQuery,
  SyncChange,
  ThreadPage,
} from '../../src-shared';

/** A user action waiting to be pushed to the cloud (DESIGN §4). */
export interface OutboxEntry {
  /** UUIDv7: also the idempotency key the cloud remembers. */
  id: string;
  name: string;
  args: unknown;
  createdAt: number;
  attempts: number;
  lastError: string | null;
}

/**
 * The local replica: what the signed-in user may see, answering the queue, counts, search and
 * threads locally. Opened by `openReplica` (./open.ts), which migrates it and refuses a corrupt
 * file or one from a newer version.
 */
export interface Replica {
  queuePage(query: QueueQuery): QueuePage;
  folderCounts(filters: QueueFilters): FolderCounts;
  lead(leadId: string): LeadDetail | null;
  thread(leadId: string, before: string | null, limit: number): ThreadPage;
  /** Null until a user is signed in (the `meta` row `userId` names a synced user). */
  directory(): Directory | null;

  /** Upserts and tombstones from a pull, in one transaction; returns the tables touched. */
  applyChanges(changes: readonly SyncChange[]): string[];

  /** Local key/value state that is not synced as rows (signed-in user, cursor...). */
  getMeta(key: string): string | null;
  setMeta(key: string, value: string | null): void;

  savedFilters(): QueueFilters;
  /** Stores the filters and queues the `saveFilters` mutation in the same transaction. */
  saveFilters(filters: QueueFilters): QueueFilters;

  /** The outbox, oldest first: the order the cloud must see them in. */
  pendingMutations(): OutboxEntry[];
  /** The cloud answered (ok, or rejected and undone): the entry leaves the outbox. */
  completeMutation(id: string): void;
  /** A send failed and will be retried: counts the attempt and keeps the error for display. */
  recordMutationAttempt(id: string, error: string | null): void;

  /**
   * Compacts the search index. Worth calling once a large pull has caught up (the first sync);
   * searches work without it, only slower.
   */
  optimize(): void;

  close(): void;
}
