import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { fail } from '../../src-shared';
import {
  MAX_FRAME_BYTES,
  type AnswerFrame,
  type EventFrame,
} from '../../src-shared/console-api/ws-transport';
import type { ConsoleCore } from '../core';
import { describeError, type CoreLog } from '../core/log';
import { parseFrame } from './api-frames';
import type { SessionGate } from './session';

export interface ApiSocketDeps {
  core: ConsoleCore;
  gate: SessionGate;
  /** The only Origin allowed: this host's own, so no other web page can drive the console. */
  origin: string;
  onActivity: () => void;
  log: CoreLog;
}

/** The ConsoleApi over WebSockets at `/api` (frame format in src-shared ws-transport.ts). */
export function createApiSocketServer({ core, gate, origin, onActivity, log }: ApiSocketDeps) {
  // ws refuses a larger frame itself, closing the socket with 1009 (message too big).
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });

  const sendFrame = (socket: WebSocket, frame: AnswerFrame | EventFrame) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
  };

  wss.on('connection', (socket: WebSocket) => {
    socket.on('error', (error) =>
      log({ level: 'warn', what: 'api socket error', detail: describeError(error) }),
    );
    socket.on('message', async (data, isBinary) => {
      const frame = parseFrame(data, isBinary);
      if (frame.kind === 'activity') return onActivity();
      if (frame.kind === 'malformed') {
        return sendFrame(socket, {
          id: frame.id,
          result: fail('invalid_arguments', frame.problem),
        });
      }
      sendFrame(socket, { id: frame.id, result: await core.call(frame.method, frame.args) });
    });
  });

  return {
    /** Accepts the upgrade only for `/api`, with the session cookie and this host's Origin. */
    handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
      const path = new URL(req.url ?? '/', origin).pathname;
      if (path !== '/api') return refuse(socket, 404, 'Not Found', 'No WebSocket here; use /api.');
      if (!gate.hasSession(req.headers.cookie)) {
        return refuse(socket, 401, 'Unauthorized', 'Open the address printed by npm start first.');
      }
      if (req.headers.origin !== origin) {
        return refuse(socket, 403, 'Forbidden', 'Only pages served by this host may connect.');
      }
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    },

    broadcast(frame: EventFrame): void {
      for (const socket of wss.clients) sendFrame(socket, frame);
    },

    close(): Promise<void> {
      for (const socket of wss.clients) socket.terminate();
      return new Promise((resolve) => wss.close(() => resolve()));
    },
  };
}

function refuse(socket: Duplex, status: number, reason: string, body: string): void {
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}
