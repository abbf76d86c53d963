import { Backoff, type BackoffPolicy } from './backoff';
import type { Problem } from './engine-status';
import { CLOSE_SIGNED_OUT, openLiveSocket, type LiveSocket } from './live-socket';
import type { SyncTimers } from './timers';

export interface LiveEvents {
  /** Up, or down with the problem (and when it tries again). */
  changed(problem: Problem | null): void;
  poke(version: number): void;
  /** The cloud closed it as signed out, or refused the token. */
  signedOut(): void;
}

/**
 * The live socket of a session, kept open: reconnects with backoff whenever it drops, until
 * stopped or signed out.
 */
export class LiveConnection {
  private socket: LiveSocket | null = null;
  private timer: unknown = null;
  private stopped = false;
  private readonly backoff: Backoff;
  up = false;

  constructor(
    private readonly options: {
      baseUrl: string;
      token: string;
      host: string;
      timers: SyncTimers;
      backoff: BackoffPolicy;
      events: LiveEvents;
    },
  ) {
    this.backoff = new Backoff(options.backoff, options.timers.random);
  }

  start(): void {
    if (this.stopped) return;
    const { baseUrl, token, timers, events } = this.options;
    this.socket = openLiveSocket(
      baseUrl,
      token,
      {
        open: () => {
          this.up = true;
          this.backoff.reset();
          events.changed(null);
        },
        poke: (version) => events.poke(version),
        ended: ({ status, code }) => this.ended(status, code),
      },
      timers,
    );
  }

  stop(): void {
    this.stopped = true;
    this.up = false;
    if (this.timer !== null) this.options.timers.clearTimeout(this.timer);
    this.socket?.close();
    this.socket = null;
  }

  private ended(status: number | null, code: number | null): void {
    this.socket = null;
    this.up = false;
    if (this.stopped) return;
    if (code === CLOSE_SIGNED_OUT || status === 401) return this.options.events.signedOut();
    const { host, timers, events } = this.options;
    const wait = this.backoff.next();
    const message =
      status === null
        ? `Live updates from ${host} stopped.`
        : `The cloud at ${host} refused live updates (HTTP ${status}).`;
    const reason = status === null ? 'network' : status >= 500 ? 'server' : 'version';
    this.timer = timers.setTimeout(() => {
      this.timer = null;
      this.start();
    }, wait);
    events.changed({ reason, message, retryAt: timers.now() + wait });
  }
}
