import WebSocket from 'ws';
import { v7 as uuidv7 } from 'uuid';
import type {
  LiveServerFrame,
  MutationResult,
  PullResponse,
  PushResponse,
} from '../../../../src-shared/sync/protocol';

/** Test answers are read loosely: each test asserts the fields it cares about. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

export interface Answer<T = Loose> {
  status: number;
  body: T;
}

/** A thin HTTP client for the tests: JSON in, status and parsed JSON out. */
export class Api {
  readonly clientId = uuidv7();

  constructor(
    readonly url: string,
    public token: string | null = null,
  ) {}

  async request<T = Loose>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer<T>> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: {
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...(this.token && { authorization: `Bearer ${this.token}` }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed as T };
  }

  get<T = Loose>(path: string) {
    return this.request<T>('GET', path);
  }

  post<T = Loose>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body);
  }

  async login(email: string, password: string): Promise<this> {
    const answer = await this.post<{ token: string }>('/v1/auth/login', { email, password });
    if (answer.status !== 200)
      throw new Error(`login ${email} failed: ${JSON.stringify(answer.body)}`);
    this.token = answer.body.token;
    return this;
  }

  async pullAll(since = 0): Promise<PullResponse> {
    const all: PullResponse = { changes: [], cursor: since, more: true, version: 0 };
    while (all.more) {
      const page = await this.get<PullResponse>(`/v1/sync?since=${all.cursor}&limit=1000`);
      if (page.status !== 200) throw new Error(`pull failed: ${JSON.stringify(page.body)}`);
      all.changes.push(...page.body.changes);
      Object.assign(all, {
        cursor: page.body.cursor,
        more: page.body.more,
        version: page.body.version,
      });
    }
    return all;
  }

  /** Sends one mutation; answers its result (or the HTTP error for a refused batch). */
  async mutate(
    name: string,
    args: unknown,
    id = uuidv7(),
  ): Promise<Answer<PushResponse> & { result?: MutationResult }> {
    const answer = await this.post<PushResponse>('/v1/mutations', {
      clientId: this.clientId,
      mutations: [{ id, name, args }],
    });
    return { ...answer, result: answer.status === 200 ? answer.body.results[0] : undefined };
  }

  live(): Promise<LiveSocket> {
    return LiveSocket.open(this.url.replace(/^http/, 'ws') + '/v1/live', this.token);
  }
}

/** A live socket that queues the frames it receives, for tests to wait on. */
export class LiveSocket {
  private readonly frames: LiveServerFrame[] = [];
  private waiters: (() => void)[] = [];
  closed: { code: number; reason: string } | null = null;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      this.frames.push(JSON.parse(String(data)) as LiveServerFrame);
      this.wake();
    });
    socket.on('close', (code, reason) => {
      this.closed = { code, reason: String(reason) };
      this.wake();
    });
  }

  static open(url: string, token: string | null): Promise<LiveSocket> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
      const live = new LiveSocket(socket);
      socket.once('open', () => resolve(live));
      socket.once('unexpected-response', (_request, response) =>
        reject(
          Object.assign(new Error(`live refused: ${response.statusCode}`), {
            status: response.statusCode,
          }),
        ),
      );
      socket.once('error', reject);
    });
  }

  private wake() {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  /** Resolves with the first queued frame that matches, waiting for one when none has come. */
  async next(match: (frame: LiveServerFrame) => boolean = () => true): Promise<LiveServerFrame> {
    for (;;) {
      const index = this.frames.findIndex(match);
      if (index >= 0) return this.frames.splice(index, 1)[0] as LiveServerFrame;
      if (this.closed)
        throw new Error(`live socket closed (${this.closed.code} ${this.closed.reason})`);
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  /** Waits for a poke at or past `version`. */
  poke(version: number): Promise<LiveServerFrame> {
    return this.next((frame) => frame.type === 'poke' && frame.version >= version);
  }

  async waitClosed(): Promise<{ code: number; reason: string }> {
    while (!this.closed) await new Promise<void>((resolve) => this.waiters.push(resolve));
    return this.closed;
  }

  send(frame: unknown): void {
    this.socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  close(): void {
    this.socket.close();
  }
}
