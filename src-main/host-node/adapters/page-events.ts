import type { PageEventName, PageEvents } from '../../../src-shared/console-api/ws-transport';

export type { PageEventName, PageEvents };
/** How an adapter pushes a host-level event to the page (see PageEvents). */
export type PushToPage = <E extends PageEventName>(event: E, payload: PageEvents[E]) => void;
