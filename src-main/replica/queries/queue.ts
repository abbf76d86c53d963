import {
  parseSearch,
  type QueuePage,
  type QueueQuery,
  type QueueRow,
  type QueueSort,
} from '../../../src-shared';
import type { Statements } from '../statements';
import { decodeQueueCursor, encodeQueueCursor } from './cursor';
import { labelList, segmentFilter, type SqlPart } from './filter-sql';
import { inFolderSql } from './folder-bits';
import { chooseQueuePlan, type QueuePlan } from './queue-plan';
import { searchSql } from './search-sql';

interface SortSql {
  key: string;
  order: string;
  /** The same order, for the outer query that reads the page's rows. */
  rowsOrder: string;
  after: string;
  index: string;
}

const SORT_SQL: Record<QueueSort, SortSql> = {
  newest: {
    key: 'activity_at',
    order: 'activity_at DESC, id DESC',
    rowsOrder: 'l.activity_at DESC, l.id DESC',
    after: '(activity_at, id) < (:afterKey, :afterId)',
    index: 'newest',
  },
  longest_waiting: {
    key: 'wait_rank',
    order: 'wait_rank, id',
    rowsOrder: 'l.wait_rank, l.id',
    after: '(wait_rank, id) > (:afterKey, :afterId)',
    index: 'waiting',
  },
};

interface Row {
  id: string;
  name: string;
  status: QueueRow['status'];
  channel: QueueRow['channel'];
  store_id: string;
  campaign_id: string;
  notes_excerpt: string | null;
  last_message_preview: string | null;
  last_message_at: number | null;
  awaiting_since: number | null;
  sort_key: number;
}

/**
 * One page of a folder under filters and search, by keyset (never OFFSET). `plan` is for tests
 * that hold every plan to the same answer; callers let the counts choose.
 */
export function queuePage(
  statements: Statements,
  query: QueueQuery,
  forced?: QueuePlan,
): QueuePage {
  const after = query.after === null ? null : decodeQueueCursor(query.after, query.sort);
  const terms = parseSearch(query.search);
  const search = terms && searchSql(statements, terms);
  let plan =
    forced ?? chooseQueuePlan(statements, query.folder, query.filters, search, query.limit);
  if (plan === 'labels' && query.filters.labelIds.length === 0) plan = 'scan';
  if (plan === 'hits' && !search) plan = 'scan';
  if (plan === 'segment' && !segmentFilter(query.filters)) plan = 'scan';
  const sort = SORT_SQL[query.sort];
  const index = plan === 'segment' ? `leads_segment_${sort.index}` : `leads_${sort.index}`;
  const from = plan === 'scan' || plan === 'segment' ? `INDEXED BY ${index}` : 'NOT INDEXED';

  const where: SqlPart[] = [{ sql: inFolderSql(query.folder), params: {} }];
  const segments = segmentFilter(query.filters);
  const labels = labelList(query.filters);
  if (plan === 'labels') where.push(labelledLeads(query, segments));
  else {
    if (segments) where.push(segments);
    if (labels) {
      const labelled = `EXISTS (SELECT 1 FROM lead_labels WHERE lead_n = leads.n AND ${labels.sql})`;
      where.push({ sql: labelled, params: labels.params });
    }
  }
  if (search) where.push({ sql: `n IN (${search.hits.sql})`, params: search.hits.params });
  const params: Record<string, unknown> = Object.assign({}, ...where.map((part) => part.params));
  if (after) {
    where.push({ sql: sort.after, params: {} });
    params.afterKey = after[1];
    params.afterId = after[2];
  }
  params.limit = query.limit + 1;

  const sql = `
    SELECT l.id, l.name, l.status, l.channel, s.store_id, s.campaign_id, l.notes_excerpt,
      l.last_message_preview, l.last_message_at, l.awaiting_since, l.${sort.key} AS sort_key
    FROM leads AS l JOIN segments AS s ON s.id = l.segment_id
    WHERE l.n IN (
      SELECT n FROM leads ${from} WHERE ${where.map((part) => part.sql).join(' AND ')}
      ORDER BY ${sort.order} LIMIT :limit)
    ORDER BY ${sort.rowsOrder}`;
  const rows = statements.get(sql).all(params) as Row[];
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    rows: page.map(toQueueRow),
    next:
      rows.length > query.limit && last
        ? encodeQueueCursor([query.sort, last.sort_key, last.id])
        : null,
  };
}

/** The labelled leads of the folder and segments, as the driving set. */
function labelledLeads(query: QueueQuery, segments: SqlPart | null): SqlPart {
  const labels = labelList(query.filters)!;
  return {
    sql: `n IN (SELECT lead_n FROM lead_labels WHERE ${labels.sql} AND ${inFolderSql(query.folder)}${
      segments ? ` AND ${segments.sql}` : ''
    })`,
    params: { ...labels.params, ...segments?.params },
  };
}

function toQueueRow(row: Row): QueueRow {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    channel: row.channel,
    storeId: row.store_id,
    campaignId: row.campaign_id || null,
    notesExcerpt: row.notes_excerpt,
    lastMessagePreview: row.last_message_preview,
    lastMessageAt: row.last_message_at,
    awaitingSince: row.awaiting_since,
  };
}
