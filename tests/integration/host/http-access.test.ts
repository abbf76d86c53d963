import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rawRequest, SECRET_OUTSIDE, signIn, startTestHost, type TestHost } from './host-fixture';

let running: TestHost | null = null;
afterEach(async () => {
  await running?.dispose();
  running = null;
});
async function start(): Promise<TestHost> {
  running = await startTestHost();
  return running;
}

describe('the browser host lets in only whoever opened the printed link', () => {
  it('answers 401 with a page that points to npm start when there is no link', async () => {
    const { host } = await start();
    const res = await rawRequest(host.port, '/');
    expect(res.status).toBe(401);
    expect(res.body).toContain('npm start');
    expect((await rawRequest(host.port, '/assets/app.js')).status).toBe(401);
  });

  it('refuses a wrong token, and the right one still works after it', async () => {
    const { host } = await start();
    expect((await rawRequest(host.port, '/?token=not-the-token')).status).toBe(401);
    expect(await signIn(host)).toMatch(/^showroom_session_\d+=/);
  });

  it('swaps the token for an HttpOnly SameSite=Strict cookie once, then refuses the link', async () => {
    const { host } = await start();
    const link = new URL(host.url);
    const first = await rawRequest(host.port, `/${link.search}`);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    const setCookie = first.headers['set-cookie']?.[0] ?? '';
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');

    const cookie = setCookie.split(';')[0] ?? '';
    const page = await rawRequest(host.port, '/', { headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<div id="root">');

    const again = await rawRequest(host.port, `/${link.search}`);
    expect(again.status).toBe(401);
    expect(again.headers['set-cookie']).toBeUndefined();
  });

  it('refuses a made-up session cookie', async () => {
    const { host } = await start();
    const res = await rawRequest(host.port, '/', {
      headers: { Cookie: `showroom_session_${host.port}=guess` },
    });
    expect(res.status).toBe(401);
  });
});

describe('the browser host serves the renderer and nothing else', () => {
  it('serves files with their content type and a strict CSP on every response', async () => {
    const { host } = await start();
    const cookie = await signIn(host);
    const script = await rawRequest(host.port, '/assets/app.js', { headers: { Cookie: cookie } });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');

    const csp =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
      `img-src 'self' data:; connect-src 'self' ws://127.0.0.1:${host.port}; ` +
      "frame-ancestors 'none'; object-src 'none'; base-uri 'none'";
    expect(script.headers['content-security-policy']).toBe(csp);
    expect((await rawRequest(host.port, '/')).headers['content-security-policy']).toBe(csp);
  });

  it.each([
    '/../secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
  ])('refuses to climb out of the app folder: %s', async (path) => {
    const { host } = await start();
    const cookie = await signIn(host);
    const res = await rawRequest(host.port, path, { headers: { Cookie: cookie } });
    expect([403, 404]).toContain(res.status);
    expect(res.body).not.toContain(SECRET_OUTSIDE);
  });

  it('refuses a symlink that leads out of the app folder', async () => {
    const test = await start();
    symlinkSync(join(test.root, 'secret.txt'), join(test.rendererDir, 'link.txt'));
    const cookie = await signIn(test.host);
    const res = await rawRequest(test.host.port, '/link.txt', { headers: { Cookie: cookie } });
    expect(res.status).toBe(403);
    expect(res.body).not.toContain(SECRET_OUTSIDE);
  });

  it('answers a missing file with 404 and a write with 405', async () => {
    const { host } = await start();
    const cookie = await signIn(host);
    expect((await rawRequest(host.port, '/nope.js', { headers: { Cookie: cookie } })).status).toBe(
      404,
    );
    const post = await rawRequest(host.port, '/index.html', {
      method: 'POST',
      headers: { Cookie: cookie },
    });
    expect(post.status).toBe(405);
  });

  it('refuses a request addressed to another host name (DNS rebinding)', async () => {
    const { host } = await start();
    const cookie = await signIn(host);
    const res = await rawRequest(host.port, '/', {
      headers: { Cookie: cookie, Host: 'evil.test' },
    });
    expect(res.status).toBe(421);
  });

  it('has test hooks under NODE_ENV=test that set the idle clock', async () => {
    const { host } = await start();
    const cookie = await signIn(host);
    const res = await rawRequest(host.port, '/__test/idle-seconds', {
      method: 'POST',
      headers: { Cookie: cookie, 'Content-Type': 'application/json' },
      body: JSON.stringify({ seconds: 600 }),
    });
    expect(res.status).toBe(200);
    expect(host.ports.idle.idleSeconds()).toBeGreaterThanOrEqual(600);
    const bad = await rawRequest(host.port, '/__test/idle-seconds', {
      method: 'POST',
      headers: { Cookie: cookie },
      body: '{"seconds":"ten"}',
    });
    expect(bad.status).toBe(400);
  });
});
