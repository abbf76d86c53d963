import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef } from 'react';
import { describeFilters } from '../sidebar/describe-filters';
import { useThread } from '../thread/thread-store';
import { QueueHeader } from './QueueHeader';
import { QueueRowView } from './QueueRowView';
import { useQueue } from './queue-store';

const ROW_HEIGHT = 76;
/** Ask for the next page this many rows before the end, so scrolling rarely meets the loader. */
const PREFETCH_ROWS = 15;

export function Queue() {
  const rows = useQueue((s) => s.rows);
  const hasMore = useQueue((s) => s.next !== null);
  const loading = useQueue((s) => s.loading);
  const selection = useQueue((s) => s.selection);
  const sort = useQueue((s) => s.sort);
  const settled = selection !== null && !loading;
  const selectedId = useThread((s) => s.leadId);
  const scroller = useRef<HTMLDivElement>(null);

  // No React Compiler here: the virtualizer re-renders this component itself as it scrolls.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length + (hasMore ? 1 : 0),
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? -1;

  useEffect(() => {
    if (hasMore && lastIndex >= rows.length - PREFETCH_ROWS) void useQueue.getState().loadMore();
  }, [hasMore, lastIndex, rows.length]);

  // A new folder, filter or search starts at the top.
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
  }, [selection, sort]);

  // A lead opened from the keyboard (next / previous) may be below the fold: bring it in view.
  useEffect(() => {
    const index = selectedId ? useQueue.getState().rows.findIndex((r) => r.id === selectedId) : -1;
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [selectedId, virtualizer]);

  const open = useCallback((leadId: string) => void useThread.getState().open(leadId), []);

  return (
    <section className="queue" aria-label="Queue">
      <QueueHeader />
      <div
        className="queue-scroll"
        ref={scroller}
        data-testid="queue"
        data-loading={!settled}
        data-rows={rows.length}
        data-complete={settled && !hasMore}
        data-folder={selection?.folder}
        data-sort={sort}
        data-search={selection?.search}
        data-filters={selection ? describeFilters(selection.filters) : undefined}
      >
        {settled && rows.length === 0 && (
          <p className="queue-empty" data-testid="queue-empty">
            {selection.search ? `No lead matches “${selection.search}”.` : 'No leads here.'}
          </p>
        )}
        <div className="queue-track" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rows[item.index];
            return (
              <div
                key={row?.id ?? 'loader'}
                className="queue-slot"
                style={{ height: item.size, transform: `translateY(${item.start}px)` }}
              >
                {row ? (
                  <QueueRowView
                    row={row}
                    index={item.index}
                    selected={row.id === selectedId}
                    onOpen={open}
                  />
                ) : (
                  <div className="queue-loader" data-testid="queue-loader">
                    Loading more…
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}
