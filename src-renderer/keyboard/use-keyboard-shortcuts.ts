import { useEffect } from 'react';
import { useScreen } from '../app/screen-store';
import { matchBinding } from './bindings';
import { someModalOpen } from './page-targets';
import { runShortcut } from './run-shortcut';
import { useShortcutsDialog } from './shortcuts-dialog-store';
import { isTypingTarget } from './typing-target';

/**
 * Listens for the shortcut keys on the whole window, after the page's own handlers: a key a
 * menu or form already used (`defaultPrevented`) is never taken a second time.
 */
export function useKeyboardShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const focused = event.target instanceof Element ? event.target : null;
      const binding = matchBinding(event, {
        typing: isTypingTarget(
          focused && {
            tagName: focused.tagName,
            type: focused instanceof HTMLInputElement ? focused.type : undefined,
            isContentEditable: focused instanceof HTMLElement && focused.isContentEditable,
            role: focused.getAttribute('role'),
          },
        ),
        screen: useScreen.getState().screen,
        modalOpen: useShortcutsDialog.getState().open || someModalOpen(),
      });
      // Handled keys go no further: "/" must not land in the search box it just focused.
      if (binding && runShortcut(binding.action)) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
