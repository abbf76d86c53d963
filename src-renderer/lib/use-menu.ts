import {
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import { useDismiss } from './use-dismiss';

export interface MenuItemSpec {
  label: string;
  /** Shown and focusable (a reader hears why), but not chosen. */
  disabled?: boolean;
}

export interface MenuOptions {
  items: readonly MenuItemSpec[];
  /** The item focused when the menu opens: the current choice, say. */
  startAt?: number;
  onChoose(index: number): void;
}

/**
 * A menu button as WAI-ARIA's menu-button pattern has it: the trigger opens it (click, Enter,
 * Space, arrows), arrows / Home / End / a first letter move, Enter or Space chooses, Escape
 * closes and gives focus back to the trigger, Tab or a click elsewhere closes it.
 */
export function useMenu({ items, startAt = 0, onChoose }: MenuOptions) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const menuId = useId();
  const count = items.length;

  const openAt = useCallback((index: number) => {
    setActive(index);
    setOpen(true);
  }, []);
  const close = useCallback((returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) triggerRef.current?.focus();
  }, []);

  useEffect(() => {
    if (!open) return;
    const items = menuRef.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]');
    items?.[active]?.focus({ preventScroll: true });
  }, [open, active]);

  useDismiss(open, [menuRef, triggerRef], () => setOpen(false));

  const choose = (index: number) => {
    if (items[index]?.disabled) return;
    close(true);
    onChoose(index);
  };

  const onMenuKeyDown = (event: KeyboardEvent) => {
    switch (event.key) {
      case 'ArrowDown':
        setActive((a) => (a + 1) % count);
        break;
      case 'ArrowUp':
        setActive((a) => (a - 1 + count) % count);
        break;
      case 'Home':
        setActive(0);
        break;
      case 'End':
        setActive(count - 1);
        break;
      case 'Enter':
      case ' ':
        choose(active);
        break;
      case 'Escape':
        close(true);
        break;
      case 'Tab':
        setOpen(false);
        return;
      default: {
        if (event.key.length !== 1) return;
        const letter = event.key.toLowerCase();
        for (let step = 1; step <= count; step++) {
          const index = (active + step) % count;
          if (items[index]?.label.toLowerCase().startsWith(letter)) {
            setActive(index);
            break;
          }
        }
      }
    }
    event.preventDefault();
    event.stopPropagation();
  };

  return {
    open,
    active,
    triggerRef,
    close: () => close(true),
    triggerProps: {
      ref: triggerRef,
      'aria-haspopup': 'menu' as const,
      'aria-expanded': open,
      'aria-controls': open ? menuId : undefined,
      onClick: (event: MouseEvent) => {
        event.stopPropagation();
        if (open) close(false);
        else openAt(startAt);
      },
      onKeyDown: (event: KeyboardEvent) => {
        if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
        event.preventDefault();
        openAt(event.key === 'ArrowDown' ? startAt : count - 1);
      },
    },
    menuProps: { ref: menuRef, id: menuId, role: 'menu' as const, onKeyDown: onMenuKeyDown },
    itemProps: (index: number) => ({
      tabIndex: -1,
      'aria-disabled': items[index]?.disabled || undefined,
      onClick: (event: MouseEvent) => {
        event.stopPropagation();
        choose(index);
      },
      // Moved, not entered: a menu opening under a resting pointer keeps the keyboard's choice.
      onMouseMove: () => setActive(index),
    }),
  };
}
