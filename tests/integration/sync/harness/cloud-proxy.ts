import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

export type ProxyMode = 'pass' | 'down' | 'error500' | 'mutations500';

/**
 * A switch in front of a real cloud on 127.0.0.1, for the connection-state tests: `pass`
 * forwards HTTP and the live WebSocket as they are; `down` drops every connection, as an
 * unreachable cloud does; `error500` answers every request and upgrade with a 500;
 * `mutations500` only POST /v1/mutations (changes cannot go out, the rest works).
 */
export class CloudProxy {
  private mode: ProxyMode = 'pass';
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    private readonly target: URL,
  ) {}

  static async start(targetUrl: string): Promise<CloudProxy> {
    const server = createServer();
    const proxy = new CloudProxy(server, new URL(targetUrl));
    server.on('connection', (socket) => {
      if (proxy.mode === 'down') return socket.destroy();
      proxy.sockets.add(socket);
      socket.once('close', () => proxy.sockets.delete(socket));
    });
    server.on('request', (req, res) => {
      const refused = proxy.mode === 'mutations500' && req.url?.startsWith('/v1/mutations');
      if (proxy.mode === 'error500' || refused) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'internal', message: 'the proxy says 500' } }));
        return;
      }
      const upstream = request(
        { ...proxy.address(), path: req.url, method: req.method, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
    });
    server.on('upgrade', (req, socket, head) => proxy.upgrade(req, socket as Socket, head));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Switches, and drops the connections open now (keep-alive ones, the live socket). */
  set(mode: ProxyMode): void {
    this.mode = mode;
    if (mode === 'down' || mode === 'error500') for (const socket of this.sockets) socket.destroy();
  }

  close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private address() {
    return { host: this.target.hostname, port: Number(this.target.port) };
  }

  private upgrade(req: IncomingMessage, socket: Socket, head: Buffer): void {
    if (this.mode === 'error500') {
      socket.end(
        'HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\nConnection: close\r\n\r\n',
      );
      return;
    }
    const upstream = connect(this.address(), () => {
      const headers = Object.entries(req.headers).flatMap(([name, value]) =>
        (Array.isArray(value) ? value : [value]).map((v) => `${name}: ${v}\r\n`),
      );
      upstream.write(`${req.method} ${req.url} HTTP/1.1\r\n${headers.join('')}\r\n`);
      upstream.write(head);
      socket.pipe(upstream).pipe(socket);
    });
    this.sockets.add(upstream);
    upstream.once('close', () => {
      this.sockets.delete(upstream);
      socket.destroy();
    });
    socket.once('close', () => upstream.destroy());
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  }
}
