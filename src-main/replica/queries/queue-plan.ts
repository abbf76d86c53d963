import type { Folder, QueueFilters, SearchTerms } from '../../../src-shared';
import type { Statements } from '../statements';
import { folderSize } from './counts';
import { labelList, segmentFilter } from './filter-sql';
import { inFolderSql } from './folder-bits';
import { countIndexHits } from './search-sql';

/**
 * How a queue page finds its rows. The cheapest way depends on how many leads pass, which the
 * segment counts tell almost for free:
 * - `scan`: walk the folder's index in sort order and stop after a page (most leads pass);
 * - `segment`: read the leads of the chosen segments and sort them (few pass);
 * - `labels`: start from the labelled leads (a label filter that few leads carry);
 * - `hits`: start from the search hits (a rare search term).
 * A search with many hits walks the best of the first three, testing each lead against it.
 */
export type QueuePlan = 'scan' | 'segment' | 'labels' | 'hits';

/** Up to this many index hits, starting from the hits beats walking the queue. */
export const SEARCH_HITS_LIMIT = 3000;
/** Rough cost of reading one lead by its number, in index entries walked. */
const ROW_LOOKUP_COST = 4;

export function chooseQueuePlan(
  statements: Statements,
  folder: Folder,
  filters: QueueFilters,
  search: SearchTerms | null,
  limit: number,
): QueuePlan {
  if (search && countIndexHits(statements, search, SEARCH_HITS_LIMIT) < SEARCH_HITS_LIMIT) {
    return 'hits';
  }
  const { matching, total, segmentLeads } = folderSize(statements, folder, filters);
  const segmented = segmentFilter(filters) !== null;
  const labelled = labelList(filters) ? countLabelled(statements, folder, filters) : null;
  const passing = labelled ?? matching;
  const costs: [QueuePlan, number][] = [['scan', (limit * total) / Math.max(passing, 1)]];
  if (segmented) costs.push(['segment', segmentLeads]);
  if (labelled !== null) costs.push(['labels', labelled * ROW_LOOKUP_COST]);
  costs.sort((a, b) => a[1] - b[1]);
  return costs[0]![0];
}

function countLabelled(statements: Statements, folder: Folder, filters: QueueFilters): number {
  const labels = labelList(filters)!;
  const segments = segmentFilter(filters);
  const sql = `SELECT count(*) FROM lead_labels WHERE ${labels.sql} AND ${inFolderSql(folder)}${
    segments ? ` AND ${segments.sql}` : ''
  }`;
  return statements.get(sql).pluck().get({ ...labels.params, ...segments?.params }) as number;
}
