import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { SavedReply } from '../../../src-shared/domain/catalog';
import { request } from '../../api/request';
import { Popover } from '../../lib/Popover';
import { useDismiss } from '../../lib/use-dismiss';
import { matchingReplies } from './saved-reply-search';

/**
 * The ribbon of seed 003: the saved replies of the lead's store and of every store, searched as
 * you type. Arrows move, Enter inserts into the reply, Escape closes; the mouse works too.
 */
export function SavedRepliesPicker(props: {
  storeId: string;
  disabled: boolean;
  onPick(body: string): void;
}) {
  const { storeId, disabled, onPick } = props;
  const [open, setOpen] = useState(false);
  const [replies, setReplies] = useState<SavedReply[] | null>(null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const trigger = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const listId = useId();
  const optionId = (index: number) => `${listId}-${index}`;

  useEffect(() => {
    if (!open) return;
    let current = true;
    void request('getSavedReplies', { storeId }, 'load the saved replies').then((found) => {
      if (current) setReplies(found ?? []);
    });
    return () => {
      current = false;
    };
  }, [open, storeId]);

  useDismiss(open, [panel, trigger], () => setOpen(false));

  const shown = matchingReplies(replies ?? [], query);
  const close = () => {
    setOpen(false);
    trigger.current?.focus();
  };
  const choose = (reply: SavedReply | undefined) => {
    if (!reply) return;
    setOpen(false);
    onPick(reply.body);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    switch (event.key) {
      case 'ArrowDown':
        setActive((a) => Math.min(a + 1, shown.length - 1));
        break;
      case 'ArrowUp':
        setActive((a) => Math.max(a - 1, 0));
        break;
      case 'Enter':
        choose(shown[active]);
        break;
      case 'Escape':
        close();
        break;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <>
      <button
        ref={trigger}
        type="button"
        className="composer-tool"
        data-testid="composer-saved-replies"
        aria-haspopup="dialog"
        aria-expanded={open}
        disabled={disabled}
        title="Saved replies"
        onClick={() => {
          setQuery('');
          setActive(0);
          setOpen((o) => !o);
        }}
      >
        <span aria-hidden>🎗</span> Saved replies
      </button>
      {open && (
        <Popover anchor={trigger}>
          <div
            ref={panel}
            className="saved-replies"
            role="dialog"
            aria-label="Saved replies"
            data-testid="saved-replies"
            data-loading={replies === null}
          >
            <input
              type="search"
              className="saved-replies-search"
              data-testid="saved-replies-search"
              aria-label="Search saved replies"
              placeholder="Search saved replies"
              role="combobox"
              aria-expanded="true"
              aria-controls={listId}
              aria-activedescendant={shown[active] ? optionId(active) : undefined}
              autoFocus
              value={query}
              onChange={(event) => {
                setQuery(event.target.value);
                setActive(0);
              }}
              onKeyDown={onKeyDown}
            />
            <ul
              id={listId}
              role="listbox"
              aria-label="Saved replies"
              className="saved-replies-list"
            >
              {shown.map((reply, index) => (
                <li
                  key={reply.id}
                  id={optionId(index)}
                  role="option"
                  aria-selected={index === active}
                  className="saved-reply"
                  data-testid="saved-reply"
                  data-id={reply.id}
                  // Moved, not entered: a list filtering under a resting pointer keeps the keyboard's choice.
                  onMouseMove={() => setActive(index)}
                  onClick={() => choose(reply)}
                >
                  <span className="saved-reply-title">
                    {reply.title}
                    {reply.storeId && <span className="saved-reply-scope"> · this store</span>}
                  </span>
                  <span className="saved-reply-body">{reply.body}</span>
                </li>
              ))}
              {replies !== null && shown.length === 0 && (
                <li role="presentation" className="saved-replies-empty">
                  {replies.length === 0 ? 'No saved replies yet.' : 'No saved reply matches.'}
                </li>
              )}
            </ul>
          </div>
        </Popover>
      )}
    </>
  );
}
