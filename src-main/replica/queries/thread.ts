import type { ThreadItem, ThreadPage, TimelineEvent } from '../../../src-shared';
import { messageFromRow } from '../apply/messages';
import type { Statements } from '../statements';
import { decodeThreadCursor, encodeThreadCursor } from './cursor';

const EVENT = 0;
const MESSAGE = 1;

/**
 * Messages and timeline events of a lead, merged by time, newest page first (each page oldest
 * first). Each side reads at most one page through its (lead, time) index, so a lead with years
 * of history costs the same as a new one.
 */
const THREAD_SQL = `
SELECT * FROM (
  SELECT ${MESSAGE} AS rank, created_at AS at, n, body, doc FROM messages
  WHERE lead_n = :lead AND (created_at, n) < (:at, :messageBound)
  ORDER BY created_at DESC, n DESC LIMIT :limit)
UNION ALL
SELECT * FROM (
  SELECT ${EVENT} AS rank, created_at AS at, n, NULL AS body, doc FROM timeline_events
  WHERE lead_n = :lead AND (created_at, n) < (:at, :eventBound)
  ORDER BY created_at DESC, n DESC LIMIT :limit)
ORDER BY at DESC, rank DESC, n DESC LIMIT :limit`;

interface Row {
  rank: number;
  at: number;
  n: number;
  body: string | null;
  doc: string;
}

export function thread(
  statements: Statements,
  leadId: string,
  before: string | null,
  limit: number,
): ThreadPage {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`invalid thread page size: ${limit}`);
  const [at, rank, n] = before === null ? [Number.MAX_SAFE_INTEGER, MESSAGE + 1, 0] : decodeThreadCursor(before);
  const lead = statements.get('SELECT n FROM lead_numbers WHERE id = ?').pluck().get(leadId);
  if (typeof lead !== 'number') return { items: [], before: null };
  // Items sort by (time, rank, n): a side ranked below the cursor's keeps its rows at the
  // cursor's time, a side ranked above loses them, the cursor's own side compares n.
  const bound = (side: number) => (side < rank ? Number.MAX_SAFE_INTEGER : side > rank ? -1 : n);
  const rows = statements.get(THREAD_SQL).all({
    lead,
    at,
    messageBound: bound(MESSAGE),
    eventBound: bound(EVENT),
    limit: limit + 1,
  }) as Row[];
  const page = rows.slice(0, limit);
  const oldest = page[page.length - 1];
  return {
    items: page.reverse().map(toItem),
    before:
      rows.length > limit && oldest
        ? encodeThreadCursor([oldest.at, oldest.rank === EVENT ? EVENT : MESSAGE, oldest.n])
        : null,
  };
}

function toItem(row: Row): ThreadItem {
  if (row.rank === MESSAGE) {
    return { kind: 'message', at: row.at, message: messageFromRow({ body: row.body ?? '', doc: row.doc }) };
  }
  return { kind: 'event', at: row.at, event: JSON.parse(row.doc) as TimelineEvent };
}
