import { useCallback, useLayoutEffect, useRef } from 'react';
import type { LeadDetail } from '../../../src-shared/console-api/views';
import { leadDisplayName } from '../../../src-shared/domain/lead';
import { ThreadItemView } from './ThreadItemView';
import { threadItemKey, useThread } from './thread-store';

/** Within this many pixels of an edge counts as "at" it. */
const EDGE_PX = 60;

/**
 * The conversation, oldest at the top, opened at the newest. Scrolling to the top loads older
 * pages; the view stays where the reader was (or at the bottom, if they were there).
 */
export function Thread({ detail }: { detail: LeadDetail }) {
  const items = useThread((s) => s.items);
  const hasOlder = useThread((s) => s.before !== null);
  const loadingOlder = useThread((s) => s.loadingOlder);
  const loading = useThread((s) => s.loading);
  const scroller = useRef<HTMLDivElement>(null);
  // Distance from the bottom to keep when items change; 0 means "stick to the newest".
  const fromBottom = useRef(0);

  useLayoutEffect(() => {
    fromBottom.current = 0;
  }, [detail.lead.id]);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    el.scrollTop = el.scrollHeight - el.clientHeight - fromBottom.current;
    // A first page shorter than the pane shows no scrollbar, so no scroll would ever ask for more.
    if (hasOlder && !loadingOlder && el.scrollHeight <= el.clientHeight) {
      void useThread.getState().loadOlder();
    }
  }, [items, hasOlder, loadingOlder]);

  const onScroll = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    const below = el.scrollHeight - el.clientHeight - el.scrollTop;
    fromBottom.current = below < EDGE_PX ? 0 : below;
    if (el.scrollTop < EDGE_PX) void useThread.getState().loadOlder();
  }, []);

  const channels = new Map(detail.conversations.map((c) => [c.id, c.channel]));
  const channelOf = (conversationId: string) => channels.get(conversationId) ?? null;
  const leadName = leadDisplayName(detail.lead);

  return (
    <div
      className="thread-scroll"
      ref={scroller}
      // Focusable and named, so the keyboard can scroll a long history (axe:
      // scrollable-region-focusable).
      tabIndex={0}
      role="region"
      aria-label={`Conversation with ${leadDisplayName(detail.lead)}`}
      onScroll={onScroll}
      data-testid="thread"
      data-lead-id={detail.lead.id}
      data-loading={loading}
      data-complete={!loading && !hasOlder}
    >
      {hasOlder && (
        <div className="thread-older">{loadingOlder ? 'Loading older messages…' : ' '}</div>
      )}
      {!hasOlder && !loading && <div className="thread-start">Start of the conversation</div>}
      <ol className="thread-items">
        {items.map((item) => (
          <ThreadItemView
            key={threadItemKey(item)}
            item={item}
            leadName={leadName}
            channelOf={channelOf}
          />
        ))}
      </ol>
    </div>
  );
}
