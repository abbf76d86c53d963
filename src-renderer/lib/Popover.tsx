import { useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';

const GAP_PX = 4;
const MARGIN_PX = 8;

/**
 * Floats its children under (or, near the bottom of the window, over) an anchor, in a portal on
 * the body: inside the virtualised queue a menu would otherwise be clipped by the scroll pane.
 */
export function Popover(props: {
  anchor: RefObject<HTMLElement | null>;
  align?: 'start' | 'end';
  children: ReactNode;
}) {
  const { anchor, align = 'start', children } = props;
  const box = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<{ top: number; left: number } | null>(null);

  useLayoutEffect(() => {
    const target = anchor.current?.getBoundingClientRect();
    const own = box.current?.getBoundingClientRect();
    if (!target || !own) return;
    const below = target.bottom + GAP_PX;
    const fitsBelow = below + own.height <= window.innerHeight - MARGIN_PX;
    const top = fitsBelow ? below : Math.max(MARGIN_PX, target.top - GAP_PX - own.height);
    const wanted = align === 'start' ? target.left : target.right - own.width;
    const left = Math.min(Math.max(MARGIN_PX, wanted), window.innerWidth - own.width - MARGIN_PX);
    setPlace({ top, left });
  }, [anchor, align]);

  return createPortal(
    <div
      ref={box}
      className="popover"
      // Unplaced it is see-through, not hidden: the menu inside must take focus at once.
      style={place ?? { top: 0, left: 0, opacity: 0 }}
    >
      {children}
    </div>,
    document.body,
  );
}
