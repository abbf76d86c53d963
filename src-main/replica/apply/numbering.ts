import type { Statements } from '../statements';
import { MESSAGES_PER_LEAD } from './message-numbers';
import { SearchIndex } from './search-index';

/**
 * The integer keys of the replica: a number per lead id (also for a lead whose messages arrive
 * before it does) and a segment per (store, campaign, assignee, source), plus the leads whose
 * search document needs rebuilding. Lives for one applyChanges transaction, so a rollback never
 * leaves a remembered key that is not in the file.
 */
export class Numbering {
  private readonly leads = new Map<string, number>();
  private readonly lastMessage = new Map<number, number>();
  private readonly segments = new Map<string, number>();
  /** Leads numbered in this transaction and not yet written: nothing of theirs to replace. */
  private readonly unwritten = new Set<number>();
  readonly search: SearchIndex;

  constructor(private readonly statements: Statements) {
    this.search = new SearchIndex(statements);
  }

  leadNumber(leadId: string): number {
    let n = this.leads.get(leadId) ?? this.existingLeadNumber(leadId);
    if (n === null) {
      n = this.statements
        .get('INSERT INTO lead_numbers (id) VALUES (?) RETURNING n')
        .pluck()
        .get(leadId) as number;
      this.unwritten.add(n);
    }
    this.leads.set(leadId, n);
    return n;
  }

  existingLeadNumber(leadId: string): number | null {
    const cached = this.leads.get(leadId);
    if (cached !== undefined) return cached;
    const n = this.statements.get('SELECT n FROM lead_numbers WHERE id = ?').pluck().get(leadId);
    return typeof n === 'number' ? n : null;
  }

  /** True the first time a lead numbered in this transaction is written. */
  firstWrite(n: number): boolean {
    return this.unwritten.delete(n);
  }

  forgetLead(leadId: string, n: number): void {
    this.leads.delete(leadId);
    this.lastMessage.delete(n);
    this.unwritten.delete(n);
    this.search.forget(n);
  }

  /** The next free message rowid in the lead's range. */
  nextMessageNumber(leadN: number, leadId: string): number {
    const first = leadN * MESSAGES_PER_LEAD;
    let last = this.lastMessage.get(leadN);
    if (last === undefined) {
      const max = this.statements
        .get('SELECT max(n) FROM messages WHERE n >= ? AND n < ?')
        .pluck()
        .get(first, first + MESSAGES_PER_LEAD) as number | null;
      last = max ?? first - 1;
    }
    const next = last + 1;
    if (next >= first + MESSAGES_PER_LEAD) {
      throw new Error(`lead ${leadId} has more messages than the replica can number (2^24)`);
    }
    this.lastMessage.set(leadN, next);
    return next;
  }

  segmentId(storeId: string, campaignId: string, assignee: string, source: string): number {
    const key = JSON.stringify([storeId, campaignId, assignee, source]);
    let id = this.segments.get(key);
    if (id === undefined) {
      const params = [storeId, campaignId, assignee, source];
      id = (this.statements
        .get(
          'SELECT id FROM segments WHERE store_id = ? AND campaign_id = ? AND assignee = ? AND source = ?',
        )
        .pluck()
        .get(...params) ??
        this.statements
          .get(
            'INSERT INTO segments (store_id, campaign_id, assignee, source) VALUES (?, ?, ?, ?) RETURNING id',
          )
          .pluck()
          .get(...params)) as number;
      this.segments.set(key, id);
    }
    return id;
  }
}
