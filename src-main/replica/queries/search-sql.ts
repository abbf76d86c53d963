import type { SearchTerms } from '../../../src-shared';
import { reverse } from '../apply/leads';
import type { Statements } from '../statements';
import type { SqlPart } from './filter-sql';
import { ftsQuery } from './fts-query';

/**
 * Search as SQL: the words against `lead_search` (a lead's name, email and messages), the
 * digits against the leads' phones, and the raw text as an exact lead id or email.
 */
export interface SearchSql {
  /** Every lead found, as one compound SELECT of lead numbers. */
  hits: SqlPart;
  /** The FTS5 query for the words; null when there are none. */
  fts: string | null;
}

export function searchSql(statements: Statements, terms: SearchTerms): SearchSql {
  const params: Record<string, string> = {
    exact: terms.exact,
    exactLower: terms.exact.toLowerCase(),
  };
  // The exact doors first: each finds a handful of leads at most.
  const parts = [
    'SELECT n FROM lead_numbers WHERE id = :exact',
    'SELECT n FROM leads WHERE lower(email) = :exactLower AND email IS NOT NULL',
  ];
  if (terms.phoneDigits) {
    // A suffix of the national number ("123-4567") is a prefix of its reversed digits.
    params.phone = reverse(terms.phoneDigits);
    params.phoneEnd = `${params.phone};`;
    parts.push(
      'SELECT lead_n FROM lead_phones WHERE digits_reversed >= :phone AND digits_reversed < :phoneEnd',
    );
  }
  const fts = ftsQuery(statements, terms.words);
  if (fts) {
    params.fts = fts;
    parts.push('SELECT rowid FROM lead_search WHERE lead_search MATCH :fts');
  }
  return { hits: { sql: parts.join(' UNION ALL '), params }, fts };
}

/** Leads whose words match, counted up to `cap`: enough to tell a rare term from a common one. */
export function countWordHits(statements: Statements, fts: string | null, cap: number): number {
  if (!fts) return 0;
  return statements
    .get('SELECT count(*) FROM (SELECT 1 FROM lead_search WHERE lead_search MATCH :fts LIMIT :cap)')
    .pluck()
    .get({ fts, cap }) as number;
}
