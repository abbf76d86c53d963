import { SYNC_TABLES, type SyncRow, type SyncTable } from '../../../src-shared';
import { eventFromRow, type EventRow } from '../apply/lead-children';
import { messageFromRow, type MessageRow } from '../apply/messages';
import type { Statements } from '../statements';

/**
 * One synced row by id, as a pull would bring it (with any local effects on it), or null.
 * What the sync client reads to compute a mutation's effect and the before-image that undoes it.
 */
export function syncedRow<T extends SyncTable>(
  statements: Statements,
  table: T,
  id: string,
): SyncRow<T> | null {
  return read(statements, table, id) as SyncRow<T> | null;
}

function read(statements: Statements, table: SyncTable, id: string): unknown {
  switch (table) {
    case 'messages': {
      const row = statements
        .get(
          `SELECT m.*, l.id AS lead_id FROM messages m
           JOIN lead_numbers l ON l.n = m.lead_n WHERE m.id = ?`,
        )
        .get(id) as (MessageRow & { lead_id: string }) | undefined;
      return row ? messageFromRow(row, row.lead_id) : null;
    }
    case 'timeline_events': {
      const row = statements
        .get(
          `SELECT e.*, l.id AS lead_id FROM timeline_events e
           JOIN lead_numbers l ON l.n = e.lead_n WHERE e.id = ?`,
        )
        .get(id) as (EventRow & { lead_id: string }) | undefined;
      return row ? eventFromRow(row, row.lead_id) : null;
    }
    case 'leads': {
      const doc = statements
        .get('SELECT doc FROM leads WHERE n = (SELECT n FROM lead_numbers WHERE id = ?)')
        .pluck()
        .get(id);
      return typeof doc === 'string' ? JSON.parse(doc) : null;
    }
    default: {
      // Every other synced table keeps the row as its `doc`. The name ends up in SQL text.
      if (!Object.hasOwn(SYNC_TABLES, table)) throw new Error(`unknown sync table: ${table}`);
      const doc = statements.get(`SELECT doc FROM ${table} WHERE id = ?`).pluck().get(id);
      return typeof doc === 'string' ? JSON.parse(doc) : null;
    }
  }
}
