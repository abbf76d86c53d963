import type { BrowserWindow } from 'electron';
import type { WindowShell } from '../../core/ports';
import { bringToFront } from '../window';

/**
 * The console window as the core sees it. The window may not exist yet (the core starts
 * first) or any more (closed to the tray), hence the getter.
 */
export function createBrowserWindowShell(consoleWindow: () => BrowserWindow | null): WindowShell {
  function showConsole(): BrowserWindow | null {
    const window = consoleWindow();
    if (!window || window.isDestroyed()) return null;
    bringToFront(window);
    return window;
  }

  return {
    showConsole() {
      showConsole();
    },
    showLeadAlert(_leadId) {
      // Until the always-on-top lead alert window arrives (offers issue), bring the console
      // forward and flash its taskbar button so the agent sees something is waiting.
      showConsole()?.flashFrame(true);
    },
    setTrayState(_state) {
      // The tray (src-main/tray, presence issue) draws this; there is no tray yet.
    },
  };
}
