import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { NodePorts } from './adapters';
import { sendText } from './static-files';

/**
 * Handles for end-to-end tests that drive the host from outside its process. They exist only
 * when NODE_ENV=test, and like every route they need the session cookie.
 *
 * - `POST /__test/idle-seconds` `{"seconds": 600}`: the OS idle clock reads this now.
 * - `GET /__test/toasts`: the notifications shown so far.
 */
export interface TestHooks {
  handle(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void>;
}

const IdleSecondsBody = z
  .object({
    seconds: z
      .number()
      .int()
      .min(0)
      .max(7 * 24 * 3600),
  })
  .strict();
const MAX_BODY_BYTES = 10_000;

export function createTestHooks(ports: NodePorts): TestHooks {
  return {
    async handle(req, res, pathname) {
      if (pathname === '/__test/idle-seconds' && req.method === 'POST') {
        const body = IdleSecondsBody.safeParse(await readJson(req));
        if (!body.success)
          return sendText(res, 400, `idle-seconds: ${body.error.issues[0]?.message}`);
        ports.idle.setIdleSeconds(body.data.seconds);
        return sendJson(res, { idleSeconds: ports.idle.idleSeconds() });
      }
      if (pathname === '/__test/toasts' && req.method === 'GET') {
        return sendJson(res, ports.notifier.toasts);
      }
      return sendText(res, 404, `No test hook at ${req.method} ${pathname}.`);
    },
  };
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of req) {
    text += String(chunk);
    if (text.length > MAX_BODY_BYTES) return undefined;
  }
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function sendJson(res: ServerResponse, value: unknown): void {
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(value));
}
