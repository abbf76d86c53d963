import type { WebSocketTransport } from '../../src-shared/console-api/ws-transport';

/** Often enough for an idle clock counted in minutes, rare enough to cost nothing. */
const REPORT_EVERY_MS = 10_000;
const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'focus'] as const;

/**
 * In the browser host there is no OS idle clock for the core to read, so the page tells it when
 * the user is here (DESIGN §6). Electron reads the real idle time and needs none of this.
 */
export function reportActivityFromThisPage(transport: WebSocketTransport): void {
  let lastReport = 0;
  const onActivity = () => {
    const now = Date.now();
    if (now - lastReport < REPORT_EVERY_MS) return;
    lastReport = now;
    transport.reportActivity();
  };
  for (const type of ACTIVITY_EVENTS) window.addEventListener(type, onActivity, { passive: true });
}
