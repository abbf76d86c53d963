/**
 * Host-level events the browser host pushes to the page, beside the ConsoleApi's own events:
 * in Electron these are OS toasts and a ringing sound; in a browser the page shows them.
 */
export interface PageEvents {
  toast: { title: string; body: string };
  ring: { ringing: boolean };
}
export type PageEventName = keyof PageEvents;
export type PushToPage = <E extends PageEventName>(event: E, payload: PageEvents[E]) => void;
