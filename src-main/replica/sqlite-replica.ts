import type Database from 'better-sqlite3';
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
import { applyChanges } from './apply/apply-changes';
import { refreshStaleSearch } from './apply/search-index';
import { META_KEYS, getMeta, setMeta } from './local/meta';
import { deleteLocalEffect, localEffects, putLocalEffect } from './local/effects';
import {
  completeMutation,
  insertMutation,
  pendingMutations,
  recordMutationAttempt,
} from './local/outbox';
import { saveFilters, savedFilters } from './local/saved-filters';
import { appointmentsOfDay } from './queries/appointments';
import { folderCounts } from './queries/counts';
import { directory } from './queries/directory';
import { leadDetail } from './queries/lead';
import { queuePage } from './queries/queue';
import { funnels } from './queries/funnels';
import { savedReplies } from './queries/saved-replies';
import { thread } from './queries/thread';
import { syncedRow } from './queries/rows';
import type { LocalEffect, OutboxEntry, Replica } from './replica';
import { Statements } from './statements';

/** The Replica over one open better-sqlite3 connection; each method is one module's function. */
export class SqliteReplica implements Replica {
  private readonly statements: Statements;

  constructor(
    private readonly db: Database.Database,
    private readonly now: () => number = Date.now,
  ) {
    this.statements = new Statements(db);
  }

  queuePage(query: QueueQuery): QueuePage {
    return queuePage(this.statements, query);
  }

  folderCounts(filters: QueueFilters): FolderCounts {
    return folderCounts(this.statements, filters);
  }

  lead(leadId: string): LeadDetail | null {
    return leadDetail(this.statements, leadId);
  }

  thread(leadId: string, before: string | null, limit: number): ThreadPage {
    return thread(this.statements, leadId, before, limit);
  }

  directory(): Directory | null {
    return directory(this.statements, this.getMeta(META_KEYS.userId));
  }

  savedReplies(storeId: string): SavedReply[] {
    return savedReplies(this.statements, storeId);
  }

  funnels(storeId: string): Funnel[] {
    return funnels(this.statements, storeId);
  }

  appointmentsOfDay(storeId: string, day: string): AppointmentDay | null {
    return appointmentsOfDay(this.statements, storeId, day);
  }

  applyChanges(changes: readonly SyncChange[]): string[] {
    return applyChanges(this.statements, changes);
  }

  getMeta(key: string): string | null {
    return getMeta(this.statements, key);
  }

  setMeta(key: string, value: string | null): void {
    setMeta(this.statements, key, value);
  }

  savedFilters(): QueueFilters {
    return savedFilters(this.statements, this.getMeta(META_KEYS.userId));
  }

  saveFilters(filters: QueueFilters, mutationId?: string): QueueFilters {
    const userId = this.getMeta(META_KEYS.userId);
    return saveFilters(this.statements, userId, filters, this.now(), mutationId);
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  syncedRow<T extends SyncTable>(table: T, id: string): SyncRow<T> | null {
    return syncedRow(this.statements, table, id);
  }

  enqueueMutation(entry: Pick<OutboxEntry, 'id' | 'name' | 'args' | 'createdAt'>): void {
    insertMutation(this.statements, { ...entry, attempts: 0, lastError: null });
  }

  localEffects(): LocalEffect[] {
    return localEffects(this.statements);
  }

  putLocalEffect(effect: LocalEffect): void {
    putLocalEffect(this.statements, effect);
  }

  deleteLocalEffect(mutationId: string): void {
    deleteLocalEffect(this.statements, mutationId);
  }

  pendingMutations(): OutboxEntry[] {
    return pendingMutations(this.statements);
  }

  completeMutation(id: string): void {
    completeMutation(this.statements, id);
  }

  recordMutationAttempt(id: string, error: string | null): void {
    recordMutationAttempt(this.statements, id, error);
  }

  refreshSearch(): number {
    const refreshed = this.db.transaction(() => refreshStaleSearch(this.statements))();
    if (refreshed > 0) this.statements.writes++;
    return refreshed;
  }

  optimize(): void {
    this.refreshSearch();
    this.db.exec(`
      INSERT INTO lead_search (lead_search) VALUES ('optimize');
      PRAGMA optimize;`);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
