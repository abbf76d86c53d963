import { useId, useRef, useState } from 'react';
import { Popover } from '../../lib/Popover';

/**
 * The notes icon of a queue row: hovering or focusing it shows the latest note's excerpt, as a
 * tooltip (WAI-ARIA's pattern: it describes the icon, Escape hides it). The tooltip floats in a
 * portal, since the row clips what overflows it.
 */
export function NotesHint({ excerpt, leadName }: { excerpt: string; leadName: string }) {
  const [shown, setShown] = useState(false);
  const icon = useRef<HTMLButtonElement>(null);
  const tipId = useId();
  return (
    <>
      <button
        ref={icon}
        type="button"
        className="notes-icon"
        data-testid="notes-icon"
        aria-label={`Notes on ${leadName}`}
        aria-describedby={tipId}
        onMouseEnter={() => setShown(true)}
        onMouseLeave={() => setShown(false)}
        onFocus={() => setShown(true)}
        onBlur={() => setShown(false)}
        // A click (or a tap, where there is no hover) shows it too, and must not open the lead.
        onClick={(e) => {
          e.stopPropagation();
          setShown(true);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && shown) {
            e.preventDefault();
            setShown(false);
          }
        }}
      >
        <svg
          viewBox="0 0 16 16"
          width="13"
          height="13"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.4"
          strokeLinejoin="round"
          aria-hidden
        >
          <path d="M4 2h6l3 3v9H4z" />
          <path d="M6 7h5M6 9.5h5M6 12h3" />
        </svg>
      </button>
      {shown ? (
        <Popover anchor={icon}>
          <span id={tipId} role="tooltip" className="notes-tooltip" data-testid="notes-excerpt">
            {excerpt}
          </span>
        </Popover>
      ) : (
        // Described even while hidden, so a screen reader hears the note with the icon.
        <span id={tipId} className="visually-hidden">
          {excerpt}
        </span>
      )}
    </>
  );
}
