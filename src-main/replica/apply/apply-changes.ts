import { missingCase, SYNC_TABLES, type SyncChange } from '../../../src-shared';
import type { Statements } from '../statements';
import { upsertAppointment, upsertConversation, upsertTimelineEvent } from './lead-children';
import { deleteLead, upsertLead } from './leads';
import { deleteMessage, upsertMessage } from './messages';
import { Numbering } from './numbering';

/**
 * Applies a pull's changes in one transaction (the caller's, when called inside one). Every write is an upsert or a delete by id, so
 * applying the same batch twice leaves the replica as once. Returns the tables touched.
 */
export function applyChanges(statements: Statements, changes: readonly SyncChange[]): string[] {
  const touched = new Set<string>();
  const apply = () => {
    const numbering = new Numbering(statements);
    for (const change of changes) {
      applyOne(statements, numbering, change);
      touched.add(change.table);
    }
    numbering.search.reindex();
  };
  try {
    // Inside a caller's transaction (the sync client writes a page and its cursor together),
    // no savepoint of its own: SQLite copies every page a savepoint touches to its statement
    // journal first, which made a first sync four times slower. The caller's rolls back all.
    if (statements.db.inTransaction) apply();
    else statements.db.transaction(apply)();
  } finally {
    statements.writes++;
  }
  return [...touched];
}

function applyOne(s: Statements, numbering: Numbering, change: SyncChange): void {
  // Table names end up in SQL text: only the known ones get there.
  if (!Object.hasOwn(SYNC_TABLES, change.table)) {
    throw new Error(`unknown sync table: ${String(change.table)}`);
  }
  if (change.op === 'delete') {
    if (change.table === 'leads') deleteLead(s, numbering, change.id);
    else if (change.table === 'messages') deleteMessage(s, numbering, change.id);
    else s.get(`DELETE FROM ${change.table} WHERE id = ?`).run(change.id);
    return;
  }
  switch (change.table) {
    case 'leads':
      return upsertLead(s, numbering, change.row);
    case 'messages':
      return upsertMessage(s, numbering, change.row);
    case 'conversations':
      return upsertConversation(s, numbering, change.row);
    case 'timeline_events':
      return upsertTimelineEvent(s, numbering, change.row);
    case 'appointments':
      return upsertAppointment(s, numbering, change.row);
    case 'tenants':
    case 'stores':
    case 'campaigns':
    case 'users':
    case 'labels':
    case 'saved_replies':
    case 'funnels':
    case 'settings':
      s.get(
        `INSERT INTO ${change.table} (id, doc) VALUES (?, ?)
         ON CONFLICT (id) DO UPDATE SET doc = excluded.doc`,
      ).run(change.row.id, JSON.stringify(change.row));
      return;
    default:
      return missingCase(change);
  }
}
