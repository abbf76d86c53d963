import type { AppointmentDay } from '../../src-shared/console-api/appointment-views';
import type {
  Directory,
  FolderCounts,
  LeadDetail,
  QueueFilters,
  QueuePage,
  QueueQuery,
  Funnel,
  SavedReply,
  SyncChange,
  SyncRow,
  SyncTable,
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
 * The optimistic effect of one of the user's own mutations (src-main/sync): kept until a pull
 * has brought the cloud's own rows for it, so that it can be taken off and put back on top.
 */
export interface LocalEffect {
  mutationId: string;
  name: string;
  args: unknown;
  createdAt: number;
  /** Applied in order, puts back the rows the effect replaced (upserts and deletes). */
  undo: SyncChange[];
  /** The cloud's version once it accepted the mutation; null until then. */
  confirmedVersion: number | null;
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
  /** The saved replies for a lead of this store: the store's own, then every store's. */
  savedReplies(storeId: string): SavedReply[];
  /** The funnels for a lead of this store: the store's own, then every store's. */
  funnels(storeId: string): Funnel[];
  /** A store's appointments on a day (YYYY-MM-DD, its time zone); null for an unknown store. */
  appointmentsOfDay(storeId: string, day: string): AppointmentDay | null;

  /** Upserts and tombstones from a pull, in one transaction; returns the tables touched. */
  applyChanges(changes: readonly SyncChange[]): string[];

  /** Local key/value state that is not synced as rows (signed-in user, cursor...). */
  getMeta(key: string): string | null;
  setMeta(key: string, value: string | null): void;

  savedFilters(): QueueFilters;
  /**
   * Stores the filters and queues the `saveFilters` mutation in the same transaction, under
   * `mutationId` when the caller minted one.
   */
  saveFilters(filters: QueueFilters, mutationId?: string): QueueFilters;

  /** Runs `work` in one transaction (nested calls are savepoints of the outer one). */
  transaction<T>(work: () => T): T;
  /** One synced row by id, as pulled with local effects on top; null when absent. */
  syncedRow<T extends SyncTable>(table: T, id: string): SyncRow<T> | null;
  /** Queues a mutation whose id the caller minted; call inside the transaction of its effect. */
  enqueueMutation(entry: Pick<OutboxEntry, 'id' | 'name' | 'args' | 'createdAt'>): void;
  /** The local effects of the user's mutations, oldest first. */
  localEffects(): LocalEffect[];
  /** Adds an effect at the end, or updates its undo and confirmation in place. */
  putLocalEffect(effect: LocalEffect): void;
  deleteLocalEffect(mutationId: string): void;

  /** The outbox, oldest first: the order the cloud must see them in. */
  pendingMutations(): OutboxEntry[];
  /** The cloud answered (ok, or rejected and undone): the entry leaves the outbox. */
  completeMutation(id: string): void;
  /** A send failed and will be retried: counts the attempt and keeps the error for display. */
  recordMutationAttempt(id: string, error: string | null): void;

  /**
   * Indexes the leads a bulk load left for later (a pull page or a demo batch of more than a
   * few hundred leads); until then a search does not find them. Returns how many it indexed.
   * Cheap when there are none: call it whenever a pull has caught up.
   */
  refreshSearch(): number;
  /**
   * Refreshes the search (above), then compacts the search index. Worth calling once a large pull has caught up (the first sync);
   * searches work without it, only slower.
   */
  optimize(): void;

  close(): void;
}
