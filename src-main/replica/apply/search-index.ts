import type { Statements } from '../statements';

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
  }

  reindex(): void {
    const remove = this.statements.get('DELETE FROM lead_search WHERE rowid = ?');
    const insert = this.statements.get(`
      INSERT INTO lead_search (rowid, text)
      SELECT :n, concat_ws(' ',
        (SELECT concat_ws(' ', name, email) FROM leads WHERE n = :n),
        (SELECT group_concat(body, ' ') FROM messages WHERE lead_n = :n))`);
    for (const n of this.dirty) {
      // A first sync brings 100k new leads: skipping their delete saves a lookup each.
      if (!this.fresh.has(n)) remove.run(n);
      insert.run({ n });
    }
    this.dirty.clear();
    this.fresh.clear();
  }
}
