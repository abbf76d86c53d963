import type { QueueFilters } from '../../../src-shared';

/** SQL text plus the named parameters it needs; lists travel as JSON arrays (json_each). */
export interface SqlPart {
  sql: string;
  params: Record<string, string>;
}

const SEGMENT_COLUMNS = [
  ['storeIds', 'store_id'],
  ['campaignIds', 'campaign_id'],
  ['assigneeIds', 'assignee'],
  ['sources', 'source'],
] as const;

/**
 * The filters other than labels, as a condition on `segments` (null when they do not narrow).
 * Segments store "no campaign" as '' and "nobody assigned" as 'unassigned', which is how
 * matchesFilters reads them: '' is never a wanted campaign, 'unassigned' is a wanted assignee.
 */
export function segmentCondition(filters: QueueFilters): SqlPart | null {
  const terms: string[] = [];
  const params: Record<string, string> = {};
  for (const [field, column] of SEGMENT_COLUMNS) {
    if (filters[field].length === 0) continue;
    terms.push(`${column} IN (SELECT value FROM json_each(:${field}))`);
    params[field] = JSON.stringify(filters[field]);
  }
  return terms.length ? { sql: terms.join(' AND '), params } : null;
}

/** `segment_id IN (...)` for the leads (or lead_labels) table, or null. */
export function segmentFilter(filters: QueueFilters): SqlPart | null {
  const condition = segmentCondition(filters);
  if (!condition) return null;
  return {
    sql: `segment_id IN (SELECT id FROM segments WHERE ${condition.sql})`,
    params: condition.params,
  };
}

export function labelList(filters: QueueFilters): SqlPart | null {
  if (filters.labelIds.length === 0) return null;
  return {
    sql: 'label_id IN (SELECT value FROM json_each(:labelIds))',
    params: { labelIds: JSON.stringify(filters.labelIds) },
  };
}
