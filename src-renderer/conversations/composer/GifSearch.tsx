import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { GifHit } from '../../../src-shared/console-api/media-views';
import type { MediaRef } from '../../../src-shared/domain/media';
import { callCore, explain } from '../../api/request';
import { Popover } from '../../lib/Popover';
import { useDismiss } from '../../lib/use-dismiss';
import '../../styles/media.css';

/** Typing pauses this long before a search: each one fetches a dozen previews. */
const TYPING_PAUSE_MS = 350;

type Found =
  | { state: 'idle' }
  | { state: 'searching'; query: string }
  | { state: 'found'; query: string; gifs: GifHit[] }
  | { state: 'unavailable'; reason: string }
  | { state: 'failed'; problem: string };

/**
 * The GIF button: a search through the provider this PC is set up with (the core searches,
 * fetches the previews and, once one is chosen, the GIF itself, and stores it in the cloud),
 * and "Attach a GIF file", which works with no provider. Type to search; arrows move through
 * the results, Enter attaches, Escape closes; the mouse works too.
 */
export function GifSearch(props: {
  disabled: boolean;
  onAttached(media: MediaRef): void;
  onPickFile(): void;
}) {
  const { disabled, onAttached, onPickFile } = props;
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Found>({ state: 'idle' });
  const [active, setActive] = useState(0);
  const [attaching, setAttaching] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const latest = useRef(0);
  const listId = useId();
  const optionId = (index: number) => `${listId}-${index}`;

  const close = () => {
    setOpen(false);
    trigger.current?.focus();
  };
  useDismiss(open, [panel, trigger], () => setOpen(false));

  const search = async (words: string) => {
    const asked = ++latest.current;
    if (!words.trim()) {
      setFound({ state: 'idle' });
      return;
    }
    setFound({ state: 'searching', query: words });
    const result = await callCore('searchGifs', { query: words });
    if (asked !== latest.current) return; // a later search answers instead
    setActive(0);
    if (!result.ok) setFound({ state: 'failed', problem: explain(result.error) });
    else if (result.value.gifs === null)
      setFound({ state: 'unavailable', reason: result.value.reason });
    else setFound({ state: 'found', query: words, gifs: result.value.gifs });
  };

  useEffect(() => {
    if (!open) return;
    const timer = setTimeout(() => void search(query), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [open, query]);

  const attach = async (gif: GifHit | undefined) => {
    if (!gif || attaching) return;
    setAttaching(gif.id);
    setProblem(null);
    const result = await callCore('attachGif', { gifId: gif.id });
    setAttaching(null);
    if (!result.ok) {
      setProblem(`Could not attach ${gif.title || 'the GIF'}: ${explain(result.error)}`);
      return;
    }
    onAttached(result.value);
    close();
  };

  const gifs = found.state === 'found' ? found.gifs : [];
  const onKeyDown = (event: KeyboardEvent) => {
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowRight':
        setActive((a) => Math.min(a + 1, gifs.length - 1));
        break;
      case 'ArrowUp':
      case 'ArrowLeft':
        setActive((a) => Math.max(a - 1, 0));
        break;
      case 'Enter':
        // Results of the words in the box: attach the one marked; else search now.
        if (found.state === 'found' && found.query === query && gifs[active]) {
          void attach(gifs[active]);
        } else void search(query);
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
        data-testid="composer-gif"
        aria-haspopup="dialog"
        aria-expanded={open}
        title="Search GIFs, or attach a GIF file"
        disabled={disabled}
        onClick={() => {
          setProblem(null);
          setOpen((o) => !o);
        }}
      >
        GIF
      </button>
      {open && (
        <Popover anchor={trigger}>
          <div
            ref={panel}
            className="gif-search"
            role="dialog"
            aria-label="GIFs"
            data-testid="composer-gif-search"
            data-state={found.state}
          >
            <input
              type="search"
              className="gif-search-input"
              data-testid="gif-search-input"
              aria-label="Search GIFs"
              placeholder="Search GIFs"
              role="combobox"
              aria-expanded={gifs.length > 0}
              aria-controls={listId}
              aria-activedescendant={gifs[active] ? optionId(active) : undefined}
              autoFocus
              maxLength={100}
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              onKeyDown={onKeyDown}
            />
            <p className="gif-search-status" role="status" data-testid="gif-search-status">
              {statusText(found, attaching !== null)}
            </p>
            {problem && (
              <p className="gif-search-problem" role="alert" data-testid="gif-search-problem">
                {problem}
              </p>
            )}
            <ul id={listId} role="listbox" aria-label="GIFs found" className="gif-results">
              {gifs.map((gif, index) => (
                <li
                  key={gif.id}
                  id={optionId(index)}
                  role="option"
                  aria-selected={index === active}
                  aria-busy={attaching === gif.id}
                  aria-label={gif.title || `GIF ${gif.id}`}
                  className="gif-result"
                  data-testid="gif-result"
                  data-id={gif.id}
                  // Moved, not entered: a list filtering under a resting pointer keeps the keyboard's choice.
                  onMouseMove={() => setActive(index)}
                  onClick={() => void attach(gif)}
                >
                  {gif.preview ? (
                    <img src={gif.preview.dataUrl} alt="" />
                  ) : (
                    gif.title || `GIF ${gif.id}`
                  )}
                </li>
              ))}
            </ul>
            <button
              type="button"
              className="composer-tool gif-search-file"
              data-testid="gif-search-file"
              onClick={() => {
                setOpen(false);
                onPickFile();
              }}
            >
              Attach a GIF file instead
            </button>
          </div>
        </Popover>
      )}
    </>
  );
}

function statusText(found: Found, attaching: boolean): string {
  if (attaching) return 'Attaching the GIF…';
  switch (found.state) {
    case 'idle':
      return 'Type words to search GIFs.';
    case 'searching':
      return 'Searching…';
    case 'found':
      return found.gifs.length === 0
        ? `No GIF matches “${found.query}”.`
        : `${found.gifs.length} GIFs: arrows move, Enter attaches.`;
    case 'unavailable':
      return found.reason;
    case 'failed':
      return found.problem;
    default:
      return found satisfies never;
  }
}
