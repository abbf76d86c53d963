import type { IncomingMessage, ServerResponse } from 'node:http';
import { setSecurityHeaders } from './security-headers';
import type { SessionGate } from './session';
import { sendText, serveStatic } from './static-files';
import type { TestHooks } from './test-hooks';

export interface HttpRouteDeps {
  port: number;
  origin: string;
  gate: SessionGate;
  rendererRoot: string;
  /** Present only when NODE_ENV=test. */
  testHooks: TestHooks | null;
}

/** Every plain HTTP request: the token exchange, the session check, then the renderer's files. */
export async function handleHttpRequest(
  req: IncomingMessage,
  res: ServerResponse,
  deps: HttpRouteDeps,
): Promise<void> {
  setSecurityHeaders(res, deps.port);
  // A page on another name that resolves to 127.0.0.1 (DNS rebinding) is not this host.
  if (req.headers.host !== new URL(deps.origin).host) {
    return sendText(res, 421, 'Misdirected request: use the address printed by npm start.');
  }
  const url = new URL(req.url ?? '/', deps.origin);
  const signedIn = deps.gate.hasSession(req.headers.cookie);

  const token = url.searchParams.get('token');
  if (token !== null) {
    const cookie = deps.gate.redeem(token);
    if (cookie) res.setHeader('Set-Cookie', cookie);
    // Signed in already (a reload of the printed link): just drop the spent token from the URL.
    if (cookie || signedIn) return redirectHome(res);
    return sendNeedsLink(res);
  }
  if (!signedIn) return sendNeedsLink(res);

  if (deps.testHooks && url.pathname.startsWith('/__test/')) {
    return deps.testHooks.handle(req, res, url.pathname);
  }
  if (url.pathname === '/api')
    return sendText(res, 426, 'The API is a WebSocket: connect with ws://.');
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return sendText(res, 405, 'Method not allowed.');
  }
  return serveStatic(res, deps.rendererRoot, url.pathname, req.method === 'HEAD');
}

function redirectHome(res: ServerResponse): void {
  res.writeHead(303, { Location: '/', 'Cache-Control': 'no-store' });
  res.end();
}

const NEEDS_LINK_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Showroom</title></head>
<body><h1>Showroom</h1>
<p>This address needs the link printed by <code>npm start</code>.
Open the address it printed (it ends with <code>?token=...</code>).
Each link works once; restart <code>npm start</code> for a new one.</p>
</body></html>
`;

function sendNeedsLink(res: ServerResponse): void {
  res.writeHead(401, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(NEEDS_LINK_PAGE);
}
