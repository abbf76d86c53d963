import type { Statements } from '../statements';
import { MESSAGES_PER_LEAD } from './message-numbers';

/**
 * Past this many leads in one transaction the apply is a bulk load (a first sync's page, the
 * demo): their documents wait in `search_stale` for `refreshStaleSearch`. FTS5 merges its
 * segments on every commit, so indexing 100k leads page by page costs four times one pass.
 */
const INLINE_REINDEX_LIMIT = 500;

/**
 * A lead's document: its name and email, then every message body (read by rowid range). `lead`
 * is SQL naming the lead's number; qualify a column (messages has a lead_n of its own).
 */
const DOCUMENT_OF = (lead: string) => `concat_ws(' ',
  (SELECT concat_ws(' ', name, email) FROM leads WHERE n = ${lead}),
  (SELECT group_concat(body, ' ') FROM messages
    WHERE n BETWEEN ${lead} * ${MESSAGES_PER_LEAD}
      AND ${lead} * ${MESSAGES_PER_LEAD} + ${MESSAGES_PER_LEAD - 1}))`;

/**
 * Keeps `lead_search` (one FTS5 document per lead) in step. Writers mark the leads whose name,
 * email or message bodies they changed; `reindex` rebuilds each marked lead's document once, at
 * the end of the transaction, so a pull that brings a lead and its fifty messages indexes the
 * lead once rather than fifty times.
 */
export class SearchIndex {
  private readonly dirty = new Set<number>();
  /** Leads numbered in this transaction: they have no document yet, so none to delete. */
  private readonly fresh = new Set<number>();

  constructor(private readonly statements: Statements) {}

  markDirty(leadN: number): void {
    this.dirty.add(leadN);
  }

  markFresh(leadN: number): void {
    this.fresh.add(leadN);
    this.dirty.add(leadN);
  }

  forget(leadN: number): void {
    this.dirty.delete(leadN);
    this.fresh.delete(leadN);
    this.statements.get('DELETE FROM lead_search WHERE rowid = ?').run(leadN);
    this.statements.get('DELETE FROM search_stale WHERE lead_n = ?').run(leadN);
  }

  reindex(): void {
    if (this.dirty.size > INLINE_REINDEX_LIMIT) {
      const stale = this.statements.get('INSERT OR IGNORE INTO search_stale (lead_n) VALUES (?)');
      for (const n of this.dirty) stale.run(n);
    } else {
      const remove = this.statements.get('DELETE FROM lead_search WHERE rowid = ?');
      const insert = this.statements.get(
        `INSERT INTO lead_search (rowid, text) SELECT :n, ${DOCUMENT_OF(':n')}`,
      );
      for (const n of this.dirty) {
        // A first sync brings 100k new leads: skipping their delete saves a lookup each.
        if (!this.fresh.has(n)) remove.run(n);
        insert.run({ n });
      }
    }
    this.dirty.clear();
    this.fresh.clear();
  }
}

/**
 * Rebuilds the documents of every lead in `search_stale`, in one statement per step; call it in
 * a transaction. Returns how many leads it indexed. Until then a search does not find them.
 */
export function refreshStaleSearch(statements: Statements): number {
  const stale = statements.get('SELECT count(*) FROM search_stale').pluck().get() as number;
  if (stale === 0) return 0;
  // A stale lead may have a document from before (a later page changed it): remove it first.
  statements.db.exec(`
    DELETE FROM lead_search WHERE rowid IN (SELECT lead_n FROM search_stale);
    INSERT INTO lead_search (rowid, text)
      SELECT lead_n, ${DOCUMENT_OF('search_stale.lead_n')} FROM search_stale ORDER BY lead_n;
    DELETE FROM search_stale;`);
  return stale;
}
