import '../styles/keyboard.css';
import { ShortcutsDialog } from './ShortcutsDialog';
import { useShortcutsDialog } from './shortcuts-dialog-store';
import { useKeyboardShortcuts } from './use-keyboard-shortcuts';

/** The console's shortcut keys and, while `?` has it open, their list. */
export function KeyboardShortcuts() {
  useKeyboardShortcuts();
  const open = useShortcutsDialog((s) => s.open);
  return open ? <ShortcutsDialog /> : null;
}
