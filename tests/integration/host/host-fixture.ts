import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { startBrowserHost, type BrowserHost } from '../../../src-main/host-node';
import type { DemoOptions } from '../../../src-main/core';

export const SECRET_OUTSIDE = 'this file sits next to the app folder and must never be served';

export interface TestHost {
  host: BrowserHost;
  root: string;
  rendererDir: string;
  dispose(): Promise<void>;
}

/** A host on a free port with its own data folder and a two-file stand-in for the renderer. */
export async function startTestHost(demo: DemoOptions | null = null): Promise<TestHost> {
  const root = mkdtempSync(join(tmpdir(), 'showroom-host-'));
  const rendererDir = join(root, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(
    join(rendererDir, 'index.html'),
    '<!doctype html><title>Showroom</title><div id="root"></div>',
  );
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("showroom");');
  writeFileSync(join(root, 'secret.txt'), SECRET_OUTSIDE);
  const host = await startBrowserHost({
    dataDir: join(root, 'data'),
    rendererDir,
    demo,
    log: () => undefined,
  });
  return {
    host,
    root,
    rendererDir,
    async dispose() {
      await host.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request with the path sent exactly as given: fetch would normalize `..` away. */
export function rawRequest(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Opens the printed link and returns the session cookie (`name=value`) it hands out. */
export async function signIn(host: BrowserHost): Promise<string> {
  const url = new URL(host.url);
  const res = await rawRequest(host.port, `${url.pathname}${url.search}`);
  const setCookie = res.headers['set-cookie']?.[0];
  if (res.status !== 303 || !setCookie) throw new Error(`sign-in failed: ${res.status}`);
  return setCookie.split(';')[0] ?? '';
}

/** Why a WebSocket upgrade was refused: the HTTP status, or 101 when it opened. */
export function upgradeStatus(host: BrowserHost, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${host.port}/api`, { headers });
    socket.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
      socket.terminate();
    });
    socket.on('open', () => {
      resolve(101);
      socket.close();
    });
    socket.on('error', (error) => {
      if (!String(error.message).startsWith('Unexpected server response')) reject(error);
    });
  });
}

/** A signed-in API socket that keeps every frame it receives, to await one by condition. */
export async function openApiSocket(host: BrowserHost, cookie: string) {
  const socket = new WebSocket(`ws://127.0.0.1:${host.port}/api`, {
    headers: { Cookie: cookie, Origin: host.origin },
  });
  const frames: Record<string, unknown>[] = [];
  const waiters: {
    match: (frame: Record<string, unknown>) => boolean;
    resolve: (f: Record<string, unknown>) => void;
  }[] = [];
  socket.on('message', (data) => {
    const frame = JSON.parse(String(data)) as Record<string, unknown>;
    frames.push(frame);
    for (const waiter of [...waiters]) {
      if (waiter.match(frame)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(frame);
      }
    }
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return {
    socket,
    send: (frame: unknown) =>
      socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame)),
    frame(match: (frame: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> {
      const seen = frames.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve) => waiters.push({ match, resolve }));
    },
    closed(): Promise<number> {
      return new Promise((resolve) => socket.once('close', (code) => resolve(code)));
    },
  };
}
