import type { ThreadItem, ThreadPage } from '../../../src-shared';
import { EVENT_COLUMNS, eventFromRow, type EventRow } from '../apply/lead-children';
import { MESSAGE_COLUMNS, messageFromRow, type MessageRow } from '../apply/messages';
import type { Statements } from '../statements';
import { decodeThreadCursor, encodeThreadCursor } from './cursor';

const EVENT = 0;
const MESSAGE = 1;

/**
 * Messages and timeline events of a lead, merged by time, newest page first (each page oldest
 * first). Each side reads at most one page through its (lead, time) index, so a lead with years
 * of history costs the same as a new one. Items sort by (time, EVENT before MESSAGE, row n).
 */
const keysSql = (table: string, rank: number, bound: string) => `
  SELECT ${rank} AS rank, created_at AS at, n FROM ${table}
  WHERE lead_n = :lead AND (created_at, n) < (:at, :${bound})
  ORDER BY created_at DESC, n DESC LIMIT :limit`;

const PAGE_KEYS = `
SELECT * FROM (${keysSql('messages', MESSAGE, 'messageBound')})
UNION ALL
SELECT * FROM (${keysSql('timeline_events', EVENT, 'eventBound')})
ORDER BY at DESC, rank DESC, n DESC LIMIT :limit`;

interface Key {
  rank: number;
  at: number;
  n: number;
}

export function thread(
  statements: Statements,
  leadId: string,
  before: string | null,
  limit: number,
): ThreadPage {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`invalid thread page size: ${limit}`);
  const [at, rank, n] =
    before === null ? [Number.MAX_SAFE_INTEGER, MESSAGE + 1, 0] : decodeThreadCursor(before);
  const lead = statements.get('SELECT n FROM lead_numbers WHERE id = ?').pluck().get(leadId);
  if (typeof lead !== 'number') return { items: [], before: null };
  // A side ranked below the cursor's keeps its rows at the cursor's time, a side ranked above
  // loses them, the cursor's own side compares n.
  const bound = (side: number) => (side < rank ? Number.MAX_SAFE_INTEGER : side > rank ? -1 : n);
  const keys = statements.get(PAGE_KEYS).all({
    lead,
    at,
    messageBound: bound(MESSAGE),
    eventBound: bound(EVENT),
    limit: limit + 1,
  }) as Key[];
  const page = keys.slice(0, limit).reverse();
  const oldest = page[0];
  const readMessage = statements.get(`SELECT ${MESSAGE_COLUMNS} FROM messages WHERE n = ?`);
  const readEvent = statements.get(`SELECT ${EVENT_COLUMNS} FROM timeline_events WHERE n = ?`);
  const items = page.map((key): ThreadItem =>
    key.rank === MESSAGE
      ? {
          kind: 'message',
          at: key.at,
          message: messageFromRow(readMessage.get(key.n) as MessageRow, leadId),
        }
      : {
          kind: 'event',
          at: key.at,
          event: eventFromRow(readEvent.get(key.n) as EventRow, leadId),
        },
  );
  return {
    items,
    before:
      keys.length > limit && oldest
        ? encodeThreadCursor([oldest.at, oldest.rank === EVENT ? EVENT : MESSAGE, oldest.n])
        : null,
  };
}
