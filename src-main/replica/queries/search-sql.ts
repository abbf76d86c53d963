import type { SearchTerms } from '../../../src-shared';
import { reverse } from '../apply/leads';
import type { Statements } from '../statements';
import type { SqlPart } from './filter-sql';

/**
 * Search as SQL: the words against `lead_search` (a lead's name, email and messages), the
 * digits against the leads' phones, and the raw text as an exact lead id or email.
 */

/** Every word must match; the last one as a prefix, since people search as they type. */
export function ftsQuery(words: readonly string[]): string | null {
  if (words.length === 0) return null;
  // parseSearch leaves only letters and digits in a word, so quoting is all FTS5 needs.
  return words.map((word, i) => `"${word}"${i === words.length - 1 ? '*' : ''}`).join(' ');
}

export function searchParams(terms: SearchTerms): Record<string, string> {
  const params: Record<string, string> = {
    exact: terms.exact,
    exactLower: terms.exact.toLowerCase(),
  };
  const fts = ftsQuery(terms.words);
  if (fts) params.fts = fts;
  if (terms.phoneDigits) {
    // A suffix of the national number ("123-4567") is a prefix of its reversed digits.
    params.phone = reverse(terms.phoneDigits);
    params.phoneEnd = `${params.phone};`;
  }
  return params;
}

/** The exact doors: phone, lead id, email. Each finds a handful of leads at most. */
function exactHits(params: Record<string, string>): string[] {
  const parts = [
    'SELECT n FROM lead_numbers WHERE id = :exact',
    'SELECT n FROM leads WHERE lower(email) = :exactLower AND email IS NOT NULL',
  ];
  if (params.phone) {
    parts.push(
      'SELECT lead_n FROM lead_phones WHERE digits_reversed >= :phone AND digits_reversed < :phoneEnd',
    );
  }
  return parts;
}

/** Every lead the search finds, as one compound SELECT of lead numbers. */
export function searchHits(terms: SearchTerms): SqlPart {
  const params = searchParams(terms);
  const parts = exactHits(params);
  if (params.fts) parts.push('SELECT rowid FROM lead_search WHERE lead_search MATCH :fts');
  return { sql: parts.join(' UNION ALL '), params };
}

/**
 * The same test for one lead row (`leads.n`), for walking leads in queue order when hits are
 * so many that the next fifty are found sooner by asking each lead than by listing them all.
 */
export function searchProbe(terms: SearchTerms): SqlPart {
  const params = searchParams(terms);
  const tests = [`leads.n IN (${exactHits(params).join(' UNION ALL ')})`];
  if (params.fts) {
    tests.push('EXISTS (SELECT 1 FROM lead_search WHERE lead_search MATCH :fts AND rowid = leads.n)');
  }
  return { sql: `(${tests.join(' OR ')})`, params };
}

/** Leads whose words match, counted up to `cap`: enough to tell a rare term from a common one. */
export function countWordHits(statements: Statements, terms: SearchTerms, cap: number): number {
  const fts = ftsQuery(terms.words);
  if (!fts) return 0;
  return statements
    .get(
      'SELECT count(*) FROM (SELECT 1 FROM lead_search WHERE lead_search MATCH :fts LIMIT :cap)',
    )
    .pluck()
    .get({ fts, cap }) as number;
}
