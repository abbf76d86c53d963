import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { HOTKEY_ACTIONS, ManualPresence } from '../../src-shared';
import type { TrayCommand } from '../core/ports';
import type { NodePorts } from './adapters';
import { sendText } from './static-files';

/**
 * Handles for end-to-end tests that drive the host from outside its process. They exist only
 * when NODE_ENV=test, and like every route they need the session cookie.
 *
 * - `POST /__test/idle-seconds` `{"seconds": 600}`: the OS idle clock reads this now.
 * - `POST /__test/power` `{"event": "lock-screen"}` (unlock-screen, suspend, resume).
 * - `POST /__test/tray` `{"kind": "set-presence", "state": "away"}`: a tray menu choice
 *   (any TrayCommand: open-console, open-settings, set-play-sounds, switch-user, quit).
 * - `POST /__test/hotkey` `{"action": "acceptOffer"}`: a registered hotkey pressed (409 if none).
 * - `GET /__test/shell`: what the window shell was asked (tray state and tooltip, alerts shown
 *   and closed, screens), and the hotkeys registered.
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
const PowerBody = z
  .object({ event: z.enum(['lock-screen', 'unlock-screen', 'suspend', 'resume']) })
  .strict();
const TrayBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('set-presence'), state: ManualPresence }).strict(),
  z.object({ kind: z.literal('open-console') }).strict(),
  z.object({ kind: z.literal('open-settings') }).strict(),
  z.object({ kind: z.literal('set-play-sounds'), enabled: z.boolean() }).strict(),
  z.object({ kind: z.literal('switch-user') }).strict(),
  z.object({ kind: z.literal('quit') }).strict(),
]);
const HotkeyBody = z.object({ action: z.enum(HOTKEY_ACTIONS) }).strict();
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
      if (pathname === '/__test/power' && req.method === 'POST') {
        const body = PowerBody.safeParse(await readJson(req));
        if (!body.success) return sendText(res, 400, `power: ${describe(body.error)}`);
        ports.idle.power(body.data.event);
        return sendJson(res, { event: body.data.event });
      }
      if (pathname === '/__test/tray' && req.method === 'POST') {
        const body = TrayBody.safeParse(await readJson(req));
        if (!body.success) return sendText(res, 400, `tray: ${describe(body.error)}`);
        ports.shell.chooseFromTray(body.data satisfies TrayCommand);
        return sendJson(res, body.data);
      }
      if (pathname === '/__test/hotkey' && req.method === 'POST') {
        const body = HotkeyBody.safeParse(await readJson(req));
        if (!body.success) return sendText(res, 400, `hotkey: ${describe(body.error)}`);
        if (!ports.hotkeys.press(body.data.action)) {
          return sendText(res, 409, `hotkey: nothing is registered for ${body.data.action}.`);
        }
        return sendJson(res, body.data);
      }
      if (pathname === '/__test/shell' && req.method === 'GET') {
        return sendJson(res, { ...ports.shell.report(), hotkeys: ports.hotkeys.registered() });
      }
      if (pathname === '/__test/toasts' && req.method === 'GET') {
        return sendJson(res, ports.notifier.toasts);
      }
      return sendText(res, 404, `No test hook at ${req.method} ${pathname}.`);
    },
  };
}

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue?.message ?? 'not a valid body'}`;
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
