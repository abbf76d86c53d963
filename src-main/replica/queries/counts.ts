import { emptyFolderCounts, type FolderCounts, type QueueFilters } from '../../../src-shared';
import type { Statements } from '../statements';
import { labelList, segmentCondition, segmentFilter } from './filter-sql';
import { FOLDER_BIT, FOLDER_LIST } from './folder-bits';

/**
 * Every folder's count under the filters. Without a label filter this sums the per-segment
 * counts (a few thousand rows however many leads); with one, it reads the labelled leads'
 * copies of their segment and folders in lead_labels.
 */
export function folderCounts(statements: Statements, filters: QueueFilters): FolderCounts {
  // The queue asks for the same counts to plan its page just before the sidebar asks.
  const key = JSON.stringify(filters);
  const last = lastCounts.get(statements);
  if (last && last.key === key && last.writes === statements.writes) return { ...last.counts };
  const labels = labelList(filters);
  const row = labels ? countLabelled(statements, filters, labels.params) : countSegments(statements, filters);
  const counts = emptyFolderCounts();
  for (const folder of FOLDER_LIST) counts[folder] = Number(row[folder] ?? 0);
  lastCounts.set(statements, { key, writes: statements.writes, counts });
  return { ...counts };
}

const lastCounts = new WeakMap<Statements, { key: string; writes: number; counts: FolderCounts }>();

function countSegments(statements: Statements, filters: QueueFilters): Record<string, number | null> {
  const condition = segmentCondition(filters);
  const sums = FOLDER_LIST.map((folder) => `sum(n_${folder}) AS ${folder}`).join(', ');
  const sql = `SELECT ${sums} FROM segments${condition ? ` WHERE ${condition.sql}` : ''}`;
  return statements.get(sql).get(condition?.params ?? {}) as Record<string, number | null>;
}

function countLabelled(
  statements: Statements,
  filters: QueueFilters,
  labelParams: Record<string, string>,
): Record<string, number | null> {
  const segments = segmentFilter(filters);
  const sums = FOLDER_LIST.map((f) => `sum((mask >> ${FOLDER_BIT[f]}) & 1) AS ${f}`).join(', ');
  // A lead with two of the wanted labels counts once: DISTINCT, unless one label is wanted.
  const distinct = filters.labelIds.length > 1 ? 'DISTINCT lead_n,' : '';
  const sql = `SELECT ${sums} FROM (
    SELECT ${distinct} folder_mask AS mask FROM lead_labels
    WHERE label_id IN (SELECT value FROM json_each(:labelIds))${segments ? ` AND ${segments.sql}` : ''})`;
  return statements.get(sql).get({ ...labelParams, ...segments?.params }) as Record<string, number | null>;
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
  return { matching: row.matching ?? 0, segmentLeads: row.segmentLeads ?? 0, leads: row.leads ?? 0 };
}
