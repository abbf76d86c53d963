import type { ConsoleTransport } from './client';
import type { EventName, MethodName } from './contract';
import { fail, type ApiResult } from './result';
import type { OfferAlert } from '../presence/offer-alert';
import type { PresenceState } from '../presence/presence';

/**
 * The browser host's wire protocol on `ws://127.0.0.1:PORT/api`, and the page's side of it.
 * JSON text frames only:
 *   page -> host  `{id, method, args}` a ConsoleApi call;  `{activity: true}` the user is here
 *   host -> page  `{id, result}` the call's ApiResult;      `{event, payload}` a pushed event
 * Frames over 1 MB close the socket (code 1009).
 */
export type FrameId = string | number;
export interface CallFrame {
  id: FrameId;
  method: MethodName;
  args: unknown;
}
export interface AnswerFrame {
  /** Null when the host could not read the id of a malformed frame. */
  id: FrameId | null;
  result: ApiResult<unknown>;
}
export interface EventFrame {
  event: string;
  payload: unknown;
}
export const ACTIVITY_FRAME = { activity: true } as const;
/** The largest call is an attachment (uploadMedia): 5 MB as base64, with room to spare. */
export const MAX_FRAME_BYTES = 8 * 1024 * 1024;

/**
 * What the browser host pushes besides the ConsoleApi's events: in Electron these are OS
 * notifications and a ringing sound; in a browser the page shows and plays them.
 */
export interface PageEvents {
  toast: { title: string; body: string };
  ring: { ringing: boolean };
  /** The always-on-top alert of a ringing lead; in a browser, an in-page alert. */
  leadAlert: OfferAlert;
  /** That alert closes, showing `message` ("Taken by Ana Ruiz") briefly first. */
  leadAlertClosed: { offerId: string; message: string };
  /** What the tray would show (a browser has none): a presence, or connecting. */
  tray: { state: PresenceState | 'connecting'; tooltip: string; playSounds: boolean };
}
export type PageEventName = keyof PageEvents;

/** The part of a WebSocket this needs: the DOM's and the `ws` package's both fit. */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  addEventListener(type: 'open' | 'close' | 'message', listener: (event: unknown) => void): void;
}

const CONNECTING = 0;
const OPEN = 1;

export interface WebSocketTransport extends ConsoleTransport {
  /** Tells the host the user is active (the browser host's idle clock, DESIGN §6). */
  reportActivity(): void;
  onPageEvent<E extends PageEventName>(
    event: E,
    listener: (payload: PageEvents[E]) => void,
  ): () => void;
}

/**
 * A ConsoleTransport over one WebSocket. Calls made before the socket opens wait for it; when it
 * closes, waiting calls answer an error (they never hang or throw) and so do later ones.
 */
export function createWebSocketTransport(socket: WebSocketLike): WebSocketTransport {
  let nextId = 1;
  let lost = false;
  const waiting = new Map<FrameId, (result: ApiResult<unknown>) => void>();
  const queued: string[] = [];
  const listeners = new Map<string, Set<(payload: never) => void>>();
  const connectionLost = () =>
    fail('internal', 'The connection to Showroom was lost. Reload the page to reconnect.');

  const send = (frame: unknown) => {
    const text = JSON.stringify(frame);
    if (socket.readyState === OPEN) socket.send(text);
    else if (socket.readyState === CONNECTING) queued.push(text);
  };

  socket.addEventListener('open', () => {
    for (const text of queued.splice(0)) socket.send(text);
  });
  socket.addEventListener('close', () => {
    lost = true;
    queued.length = 0;
    for (const resolve of waiting.values()) resolve(connectionLost());
    waiting.clear();
  });
  socket.addEventListener('message', (event) => {
    const data = (event as { data?: unknown }).data;
    if (typeof data !== 'string') return;
    let frame: unknown;
    try {
      frame = JSON.parse(data);
    } catch {
      return;
    }
    if (typeof frame !== 'object' || frame === null) return;
    if ('event' in frame && typeof frame.event === 'string') {
      const payload = (frame as { payload?: unknown }).payload as never;
      for (const listener of [...(listeners.get(frame.event) ?? [])]) listener(payload);
      return;
    }
    if ('id' in frame && 'result' in frame) {
      const resolve = waiting.get(frame.id as FrameId);
      if (!resolve) return;
      waiting.delete(frame.id as FrameId);
      resolve(
        isApiResult(frame.result)
          ? frame.result
          : fail('internal', 'Malformed answer from Showroom.'),
      );
    }
  });

  const subscribe = (event: string, listener: (payload: never) => void) => {
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  };

  return {
    call(method: MethodName, args: unknown): Promise<ApiResult<unknown>> {
      if (lost || socket.readyState > OPEN) return Promise.resolve(connectionLost());
      const id = nextId++;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        send({ id, method, args } satisfies CallFrame);
      });
    },
    on: (event: EventName, listener: (payload: unknown) => void) => subscribe(event, listener),
    onPageEvent: (event, listener) => subscribe(event, listener as (payload: never) => void),
    reportActivity: () => send(ACTIVITY_FRAME),
  };
}

function isApiResult(value: unknown): value is ApiResult<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  if (value.ok === true) return 'value' in value;
  return value.ok === false && 'error' in value && typeof value.error === 'object';
}
