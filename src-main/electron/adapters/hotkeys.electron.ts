import { globalShortcut } from 'electron';
import { HOTKEY_ACTIONS, type HotkeyAction } from '../../../src-shared';
import type { Hotkeys } from '../../core/ports';

/**
 * System-wide shortcuts (issue 3, item 8) with Electron's globalShortcut: they fire while
 * another program has the focus. The OS refuses a combination another program holds (register
 * answers false) and Electron throws on one it cannot parse; both come back as refused, and
 * the other actions keep their keys.
 */
export function createGlobalShortcutHotkeys(): Hotkeys {
  return {
    register(bindings, pressed) {
      globalShortcut.unregisterAll();
      const refused: HotkeyAction[] = [];
      const taken = new Set<string>();
      for (const action of HOTKEY_ACTIONS) {
        const accelerator = bindings[action];
        // Two actions on one combination: the first keeps it; the second would never fire.
        const key = accelerator.toLowerCase();
        if (taken.has(key) || !tryRegister(accelerator, () => pressed(action))) {
          refused.push(action);
          continue;
        }
        taken.add(key);
      }
      return refused;
    },

    unregisterAll() {
      globalShortcut.unregisterAll();
    },
  };
}

function tryRegister(accelerator: string, callback: () => void): boolean {
  try {
    return globalShortcut.register(accelerator, callback);
  } catch {
    return false;
  }
}
