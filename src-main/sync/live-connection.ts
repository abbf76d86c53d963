import type { LiveClientFrame } from '../../src-shared';
import type { CoreLog } from '../core/log';
import { Backoff, type BackoffPolicy } from './backoff';
import type { Problem } from './engine-status';
import type { LiveHooks } from './live-frames';
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
  private status: 'connecting' | 'up' | 'stopped' | null = null;
  up = false;

  constructor(
    private readonly options: {
      baseUrl: string;
      token: string;
      host: string;
      timers: SyncTimers;
      backoff: BackoffPolicy;
      events: LiveEvents;
      /** Presence and offers go to the core through these. */
      hooks: LiveHooks;
      log: CoreLog;
    },
  ) {
    this.backoff = new Backoff(options.backoff, options.timers.random);
  }

  start(): void {
    if (this.stopped) return;
    const { baseUrl, token, timers, events, hooks, log } = this.options;
    this.report('connecting');
    this.socket = openLiveSocket(
      baseUrl,
      token,
      {
        open: () => {
          this.up = true;
          this.backoff.reset();
          events.changed(null);
          this.report('up');
        },
        poke: (version) => events.poke(version),
        state: (frame) => hooks.frame(frame),
        malformed: (problem) =>
          log({ level: 'warn', what: 'dropped a live frame from the cloud', detail: problem }),
        ended: ({ status, code }) => this.ended(status, code),
      },
      timers,
    );
  }

  /** Says something on the socket; false when it is not up (the next connect says it again). */
  send(frame: LiveClientFrame): Promise<boolean> {
    return this.up && this.socket ? this.socket.send(frame) : Promise.resolve(false);
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.up = false;
    if (this.timer !== null) this.options.timers.clearTimeout(this.timer);
    this.socket?.close();
    this.socket = null;
    this.report('stopped');
  }

  /** Tells the core how the socket stands, once per change. */
  private report(status: 'connecting' | 'up' | 'stopped'): void {
    if (status === this.status) return;
    this.status = status;
    this.options.hooks.status(status);
  }

  private ended(status: number | null, code: number | null): void {
    this.socket = null;
    this.up = false;
    if (this.stopped) return;
    this.report('connecting');
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
