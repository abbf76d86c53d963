import type { Folder, QueueFilters } from '../../../src-shared';
import type { Statements } from '../statements';
import { folderCounts, folderSize } from './counts';
import { labelList, segmentFilter } from './filter-sql';
import { countWordHits, type SearchSql } from './search-sql';

/**
 * How a queue page finds its rows. The cheapest way depends on how many leads pass, which the
 * segment counts tell almost for free:
 * - `scan`: walk the leads in sort order and stop after a page (many leads pass);
 * - `segment`: read the leads of the chosen segments and sort them (few pass);
 * - `labels`: start from the labelled leads (a label filter that few leads carry);
 * - `hits`: start from the search hits (a rare search term).
 * A search with many hits walks the best of the first three, testing each lead against the list
 * of hits (built once per query). Asking the search index about each lead instead was tried:
 * FTS5 re-reads a prefix term's whole doclist per question, a second per page at 100k leads.
 */
export type QueuePlan = 'scan' | 'segment' | 'labels' | 'hits';

/** Up to this many leads found, starting from them beats walking the queue. */
const START_FROM_HITS_BELOW = 3000;
/** Rough cost of reading one lead by its number, in index entries walked. */
const ROW_LOOKUP_COST = 4;

export function chooseQueuePlan(
  statements: Statements,
  folder: Folder,
  filters: QueueFilters,
  search: SearchSql | null,
  limit: number,
): QueuePlan {
  if (
    search &&
    countWordHits(statements, search.fts, START_FROM_HITS_BELOW) < START_FROM_HITS_BELOW
  ) {
    return 'hits';
  }
  const { matching, segmentLeads, leads } = folderSize(statements, folder, filters);
  const segmented = segmentFilter(filters) !== null;
  const labelled = labelList(filters) ? folderCounts(statements, filters)[folder] : null;
  const passing = labelled ?? matching;
  // Walking the queue index reads every lead in sort order until `limit` have passed.
  const costs: [QueuePlan, number][] = [['scan', (limit * leads) / Math.max(passing, 1)]];
  if (segmented) costs.push(['segment', segmentLeads]);
  if (labelled !== null) costs.push(['labels', labelled * ROW_LOOKUP_COST]);
  costs.sort((a, b) => a[1] - b[1]);
  return costs[0]![0];
}
