import WebSocket from 'ws';
import type { LiveClientFrame } from '../../src-shared';
import { parseServerFrame, type LiveStateFrame } from './live-frames';
import type { SyncTimers } from './timers';

/** The cloud closes a socket with this code when its session is signed out or revoked. */
export const CLOSE_SIGNED_OUT = 4001;

/** Ping this often; a socket that has said nothing for two rounds is dead (a sleeping laptop). */
const HEARTBEAT_MS = 25_000;

export interface LiveListener {
  open(): void;
  poke(version: number): void;
  /** Presence and offers, for the core. */
  state(frame: LiveStateFrame): void;
  /** A frame that did not fit the protocol: dropped, the socket stays up. */
  malformed(problem: string): void;
  /**
   * The socket is gone and will not come back by itself. `status`: the HTTP status when the
   * upgrade was refused; `code`: the close code otherwise.
   */
  ended(end: { status: number | null; code: number | null }): void;
}

export interface LiveSocket {
  /** Resolves true once the frame is handed to the OS; false when the socket is not open. */
  send(frame: LiveClientFrame): Promise<boolean>;
  close(): void;
}

/**
 * `WS /v1/live` with the token in the Authorization header (never in the URL, where logs keep
 * it). Reports each poke and state frame; reports the end once, however it ends.
 */
export function openLiveSocket(
  baseUrl: string,
  token: string,
  listener: LiveListener,
  timers: SyncTimers,
): LiveSocket {
  const url = new URL(`${baseUrl}/v1/live`);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  const socket = new WebSocket(url, { headers: { authorization: `Bearer ${token}` } });
  let ended = false;
  let heard = true;
  let heartbeat: unknown = null;

  const end = (status: number | null, code: number | null) => {
    if (heartbeat !== null) timers.clearTimeout(heartbeat);
    if (ended) return;
    ended = true;
    listener.ended({ status, code });
  };
  const beat = () => {
    if (!heard) return socket.terminate();
    heard = false;
    if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: 'ping' }));
    heartbeat = timers.setTimeout(beat, HEARTBEAT_MS);
  };

  socket.on('open', () => {
    heartbeat = timers.setTimeout(beat, HEARTBEAT_MS);
    listener.open();
  });
  socket.on('message', (data) => {
    heard = true;
    if (ended) return;
    const parsed = parseServerFrame(String(data));
    if (!parsed.ok) return listener.malformed(parsed.problem);
    const { frame } = parsed;
    if (frame.type === 'poke') listener.poke(frame.version);
    else if (frame.type !== 'pong') listener.state(frame);
  });
  socket.on('pong', () => (heard = true));
  socket.on('unexpected-response', (_request, response) => {
    response.resume();
    end(response.statusCode ?? null, null);
    socket.terminate();
  });
  socket.on('error', () => {
    // 'close' follows with code 1006; the end is reported there.
  });
  socket.on('close', (code) => end(null, code));

  return {
    send(frame) {
      if (ended || socket.readyState !== WebSocket.OPEN) return Promise.resolve(false);
      return new Promise((resolve) =>
        socket.send(JSON.stringify(frame), (error) => resolve(!error)),
      );
    },
    close() {
      ended = true;
      if (heartbeat !== null) timers.clearTimeout(heartbeat);
      socket.terminate();
    },
  };
}
