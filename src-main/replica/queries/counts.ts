import { emptyFolderCounts, type FolderCounts, type QueueFilters } from '../../../src-shared';
import type { Statements } from '../statements';
import { segmentCondition, segmentFilter } from './filter-sql';
import { FOLDER_BIT, FOLDER_LIST } from './folder-bits';

/**
 * Every folder's count under the filters. Without a label filter this sums the per-segment
 * counts (a few thousand rows however many leads); with one, it reads the labelled leads'
 * copies of their segment and folders in lead_labels (as many rows as leads with the labels).
 */
export function folderCounts(statements: Statements, filters: QueueFilters): FolderCounts {
  // The queue asks for the same counts to plan its page just before the sidebar asks.
  const key = JSON.stringify(filters);
  const last = lastCounts.get(statements);
  if (last && last.key === key && last.writes === statements.writes) return { ...last.counts };
  const counts = filters.labelIds.length
    ? countLabelled(statements, filters)
    : countSegments(statements, filters);
  lastCounts.set(statements, { key, writes: statements.writes, counts });
  return { ...counts };
}

const lastCounts = new WeakMap<Statements, { key: string; writes: number; counts: FolderCounts }>();

function countSegments(statements: Statements, filters: QueueFilters): FolderCounts {
  const condition = segmentCondition(filters);
  const sums = FOLDER_LIST.map((folder) => `sum(n_${folder}) AS ${folder}`).join(', ');
  const sql = `SELECT ${sums} FROM segments${condition ? ` WHERE ${condition.sql}` : ''}`;
  const row = statements.get(sql).get(condition?.params ?? {}) as Record<string, number | null>;
  const counts = emptyFolderCounts();
  for (const folder of FOLDER_LIST) counts[folder] = row[folder] ?? 0;
  return counts;
}

/**
 * Counts the labelled leads per folder mask (a few dozen masks), then each folder from the
 * masks: summing twelve bit tests per row in SQL took twice as long at 100k leads. A lead with
 * two of the wanted labels counts once: each label's rows come sorted by lead, so
 * UNION ... ORDER BY lead_n merges them without a temporary index.
 */
function countLabelled(statements: Statements, filters: QueueFilters): FolderCounts {
  const segments = segmentFilter(filters);
  const params: Record<string, string> = { ...segments?.params };
  const arms = filters.labelIds.map((labelId, i) => {
    params[`label${i}`] = labelId;
    return `SELECT lead_n, folder_mask AS mask FROM lead_labels WHERE label_id = :label${i}${
      segments ? ` AND ${segments.sql}` : ''
    }`;
  });
  const leads = arms.length === 1 ? arms[0] : `${arms.join(' UNION ')} ORDER BY lead_n`;
  const sql = `SELECT mask, count(*) AS leads FROM (${leads}) GROUP BY mask`;
  const counts = emptyFolderCounts();
  for (const { mask, leads: n } of statements.get(sql).all(params) as {
    mask: number;
    leads: number;
  }[]) {
    for (const folder of FOLDER_LIST) if (mask & (1 << FOLDER_BIT[folder])) counts[folder] += n;
  }
  return counts;
}

/**
 * For choosing a queue plan: how many leads of the folder the non-label filters let through,
 * how many leads (of any folder) the chosen segments hold, and how many leads there are.
 */
export function folderSize(
  statements: Statements,
  folder: keyof typeof FOLDER_BIT,
  filters: QueueFilters,
): { matching: number; segmentLeads: number; leads: number } {
  const condition = segmentCondition(filters);
  const when = (column: string) =>
    condition ? `sum(CASE WHEN ${condition.sql} THEN ${column} ELSE 0 END)` : `sum(${column})`;
  const row = statements
    .get(
      `SELECT ${when(`n_${folder}`)} AS matching, ${when('n_inbox')} AS segmentLeads,
         sum(n_inbox) AS leads
       FROM segments`,
    )
    .get(condition?.params ?? {}) as Record<'matching' | 'segmentLeads' | 'leads', number | null>;
  return {
    matching: row.matching ?? 0,
    segmentLeads: row.segmentLeads ?? 0,
    leads: row.leads ?? 0,
  };
}
