import { useEffect, type RefObject } from 'react';

/**
 * Closes a floating thing (menu, details panel) on a click outside it or its trigger, and when
 * the page scrolls or resizes under it: once what it points at moves, it would point at nothing.
 */
export function useDismiss(
  open: boolean,
  parts: readonly RefObject<HTMLElement | null>[],
  onDismiss: () => void,
): void {
  useEffect(() => {
    if (!open) return;
    const inside = (target: EventTarget | null) =>
      target instanceof Node && parts.some((part) => part.current?.contains(target));
    const onPointerDown = (event: PointerEvent) => {
      if (!inside(event.target)) onDismiss();
    };
    const onScroll = (event: Event) => {
      if (!inside(event.target)) onDismiss();
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    window.addEventListener('scroll', onScroll, true);
    window.addEventListener('resize', onDismiss);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown, true);
      window.removeEventListener('scroll', onScroll, true);
      window.removeEventListener('resize', onDismiss);
    };
    // `parts` and `onDismiss` are fresh each render; only opening and closing matter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);
}
