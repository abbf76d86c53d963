import { realpathSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { EVENT_NAMES } from '../../src-shared';
import { createConsoleCore, demoOptionsFromEnv, type ConsoleCore, type DemoOptions } from '../core';
import { consoleLog, describeError, type CoreLog } from '../core/log';
import { createNodePorts, type NodePorts, type PushToPage } from './adapters';
import { createApiSocketServer } from './api-socket';
import { handleHttpRequest } from './http-routes';
import { createSessionGate } from './session';
import { sendText } from './static-files';
import { createTestHooks } from './test-hooks';

export interface BrowserHostOptions {
  dataDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** The built renderer (`npm run build` writes it). */
  rendererDir?: string;
  /**
   * The demo dealer group loaded into an empty replica; null to start empty. Default: on, sized
   * by `SHOWROOM_DEMO_LEADS` (the cloud does not exist yet).
   */
  demo?: DemoOptions | null;
  /** On a fresh data folder with nobody signed in: "Try it on this PC" (npm start does). */
  tryOnThisPcOnFirstRun?: boolean;
  /** The tray's Quit (a test hook here); default: logged and ignored, the host keeps running. */
  onQuit?: () => void;
  log?: CoreLog;
}

export interface BrowserHost {
  /** The one-time link to print: `http://127.0.0.1:PORT/?token=T`. */
  url: string;
  port: number;
  origin: string;
  core: ConsoleCore;
  ports: NodePorts;
  close(): Promise<void>;
}

/** The desktop core under plain Node, serving the renderer to a browser (DESIGN §3). */
export async function startBrowserHost({
  dataDir,
  port = 0,
  rendererDir = 'out/renderer',
  demo = demoOptionsFromEnv(),
  tryOnThisPcOnFirstRun = false,
  onQuit,
  log = consoleLog,
}: BrowserHostOptions): Promise<BrowserHost> {
  const rendererRoot = rendererFolder(rendererDir);
  let pushToSockets: PushToPage = () => undefined;
  const ports = createNodePorts(dataDir, (event, payload) => pushToSockets(event, payload));
  const core = createConsoleCore({ ports, dataDir, demo, tryOnThisPcOnFirstRun, onQuit, log });

  const server = createServer();
  const actualPort = await listen(server, port).catch(async (error: unknown) => {
    await core.close();
    throw error;
  });
  const origin = `http://127.0.0.1:${actualPort}`;
  const gate = createSessionGate(actualPort);
  const testHooks = process.env.NODE_ENV === 'test' ? createTestHooks(ports) : null;
  const api = createApiSocketServer({
    core,
    gate,
    origin,
    onActivity: () => ports.idle.reportActivity(),
    log,
  });

  server.on('request', (req, res) => {
    handleHttpRequest(req, res, { port: actualPort, origin, gate, rendererRoot, testHooks }).catch(
      (error: unknown) => {
        log({ level: 'error', what: `${req.method} request failed`, detail: describeError(error) });
        if (!res.headersSent) sendText(res, 500, 'Showroom hit an internal error; see its log.');
        else res.destroy();
      },
    );
  });
  server.on('upgrade', (req, socket, head) => api.handleUpgrade(req, socket, head));

  const unsubscribes = EVENT_NAMES.map((event) =>
    core.on(event, (payload) => api.broadcast({ event, payload })),
  );
  pushToSockets = (event, payload) => api.broadcast({ event, payload });

  let closing: Promise<void> | null = null;
  return {
    url: `${origin}/?token=${gate.token}`,
    port: actualPort,
    origin,
    core,
    ports,
    close: () =>
      (closing ??= (async () => {
        for (const unsubscribe of unsubscribes) unsubscribe();
        await api.close();
        server.closeAllConnections();
        await new Promise<void>((done) => server.close(() => done()));
        await core.close();
      })()),
  };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolveListen((server.address() as AddressInfo).port);
    });
  });
}

function rendererFolder(rendererDir: string): string {
  try {
    return realpathSync(resolve(rendererDir));
  } catch {
    throw new Error(
      `The renderer folder ${rendererDir} does not exist: run \`npm run build\` first.`,
    );
  }
}
