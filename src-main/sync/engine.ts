import type { LiveClientFrame, MutationRejected, SyncChange, User } from '../../src-shared';
import type { CoreLog } from '../core/log';
import { describeError } from '../core/log';
import { META_KEYS } from '../replica/local/meta';
import type { Replica } from '../replica/replica';
import { Backoff, type BackoffPolicy } from './backoff';
import { CloudApi } from './cloud-api';
import { CloudError } from './cloud-error';
import { describeStatus, worse, type EngineStatus, type Problem } from './engine-status';
import { LiveConnection } from './live-connection';
import { NO_LIVE_HOOKS, type LiveHooks } from './live-frames';
import { pullUntilCaughtUp, type SyncProgress } from './pull';
import { pushOutbox } from './push';
import type { SyncTimers } from './timers';

/** A first sync this large is worth compacting the search index after. */
const OPTIMIZE_AFTER = 10_000;

export interface EngineOptions {
  baseUrl: string;
  token: string;
  clientId: string;
  replica(): Replica;
  me(): User | null;
  timers: SyncTimers;
  backoff: BackoffPolicy;
  pageSize: number;
  log: CoreLog;
  events: EngineEvents;
  /** Presence and offers on the live socket (the core's); none by default. */
  live?: LiveHooks;
}

export interface EngineEvents {
  /** The status or the outbox may have changed. */
  changed(): void;
  replicaChanged(tables: string[]): void;
  /** A pulled page's changes, applied (see PullContext.pulled). */
  pulled?(changes: readonly SyncChange[], firstSync: boolean): void;
  rejected(rejection: MutationRejected): void;
  /** 401 or a live socket closed as signed out: the session is over. */
  credentialsLost(message: string): void;
  /** The cloud's data is older than our cursor (another database): reset and pull again. */
  cursorAhead(): Promise<void>;
  /** A replica failure (corruption...): true when it was handled and sync must stop. */
  replicaFailed(error: unknown): boolean;
}

class Stopped extends Error {}

/**
 * Keeps one signed-in replica in step with its cloud (DESIGN §4): pushes the outbox in order,
 * pulls until caught up, listens on the live socket and pulls on each poke; retries with
 * backoff, and says at every moment how things stand (status()).
 */
export class SyncEngine {
  private readonly api: CloudApi;
  private readonly abort = new AbortController();
  private readonly httpBackoff: Backoff;
  private readonly live: LiveConnection;
  private isStopped = false;
  private cycle: Promise<void> | null = null;
  private again = false;
  private retryTimer: unknown = null;
  private httpProblem: Problem | null = null;
  private liveProblem: Problem | null = null;
  private synced = false;
  private progress: SyncProgress | null = null;
  private cursorResets = 0;

  constructor(private readonly options: EngineOptions) {
    this.api = new CloudApi({
      baseUrl: options.baseUrl,
      token: options.token,
      signal: this.abort.signal,
    });
    this.httpBackoff = new Backoff(options.backoff, options.timers.random);
    this.live = new LiveConnection({
      ...options,
      hooks: options.live ?? NO_LIVE_HOOKS,
      host: this.api.host,
      events: {
        changed: (problem) => {
          this.liveProblem = problem;
          options.events.changed();
        },
        poke: (version) => {
          const cursor = Number(options.replica().getMeta(META_KEYS.syncCursor) ?? 0);
          if (version > cursor || this.httpProblem) this.sync();
        },
        signedOut: () => this.signedOut('You were signed out of this cloud. Sign in again.'),
      },
    });
  }

  get stopped(): boolean {
    return this.isStopped;
  }

  start(): void {
    this.live.start();
    this.sync();
  }

  /** Push and pull now (a new mutation, a poke); a cycle under way runs once more. */
  sync(): void {
    if (this.isStopped) return;
    if (this.cycle) {
      this.again = true;
      return;
    }
    this.clearRetry();
    this.cycle = this.runCycles().finally(() => {
      this.cycle = null;
      // Asked for while the last cycle was already on its way out: run it now.
      if (this.again) this.sync();
    });
  }

  /** The signed-in HTTP API (calls that are not sync: accepting an offer). */
  get cloud(): CloudApi {
    return this.api;
  }

  /** Says something on the live socket; false when it is not up. */
  sendLive(frame: LiveClientFrame): Promise<boolean> {
    return this.isStopped ? Promise.resolve(false) : this.live.send(frame);
  }

  status(): EngineStatus {
    const problem = worse(this.httpProblem, this.liveProblem);
    const facts = { problem, synced: this.synced, liveUp: this.live.up, progress: this.progress };
    return describeStatus(facts, this.options.timers.now());
  }

  /** Waits up to `ms` for the outbox to go out (signing out): what cannot go stays queued. */
  async flush(ms: number): Promise<void> {
    if (this.isStopped || this.options.replica().pendingMutations().length === 0) return;
    let timer: unknown = null;
    const timeout = new Promise<void>((done) => (timer = this.options.timers.setTimeout(done, ms)));
    this.sync();
    await Promise.race([this.cycle ?? Promise.resolve(), timeout]);
    this.options.timers.clearTimeout(timer);
  }

  /** Stops everything at once; in-flight requests are abandoned and nothing is written after. */
  stop(): Promise<void> {
    if (!this.isStopped) {
      this.isStopped = true;
      this.abort.abort();
      this.clearRetry();
      this.live.stop();
    }
    return this.cycle ?? Promise.resolve();
  }

  private async runCycles(): Promise<void> {
    do {
      this.again = false;
      try {
        await this.once();
      } catch (error) {
        if (this.isStopped || error instanceof Stopped) return;
        this.progress = null;
        const retryNow = await this.failed(error);
        this.options.events.changed();
        if (!retryNow) return;
        this.again = true;
        continue;
      }
      this.options.events.changed();
    } while (this.again && !this.isStopped);
  }

  private async once(): Promise<void> {
    const context = {
      api: this.api,
      replica: this.options.replica,
      me: this.options.me,
      checkRunning: () => {
        if (this.isStopped) throw new Stopped();
      },
      replicaChanged: (tables: string[]) => this.options.events.replicaChanged(tables),
    };
    await pushOutbox({
      ...context,
      clientId: this.options.clientId,
      rejected: (rejection) => this.options.events.rejected(rejection),
      outboxChanged: () => this.options.events.changed(),
    });
    const { received } = await pullUntilCaughtUp({
      ...context,
      pageSize: this.options.pageSize,
      pulled: (changes, firstSync) => this.options.events.pulled?.(changes, firstSync),
      progress: (progress) => {
        this.progress = progress;
        this.options.events.changed();
      },
    });
    if (received >= OPTIMIZE_AFTER) this.options.replica().optimize();
    else this.options.replica().refreshSearch();
    this.httpProblem = null;
    this.httpBackoff.reset();
    this.synced = true;
    this.cursorResets = 0;
  }

  /** Decides what a failure means; true to try again at once. */
  private async failed(error: unknown): Promise<boolean> {
    if (!(error instanceof CloudError)) {
      if (this.options.events.replicaFailed(error)) {
        void this.stop();
        return false;
      }
      this.options.log({ level: 'error', what: 'sync failed', detail: describeError(error) });
      this.retryLater(null, 'Sync stopped on an unexpected error (see the log).');
      return false;
    }
    switch (error.problem) {
      case 'credentials':
        this.signedOut(error.message);
        return false;
      case 'cursor_ahead':
        // Twice in a row means the reset did not help: wait like any other failure.
        if (this.cursorResets++ < 1) {
          await this.options.events.cursorAhead();
          return !this.isStopped;
        }
        this.retryLater('version', error.message);
        return false;
      case 'version':
        this.retryLater('version', error.message, true);
        return false;
      case 'network':
      case 'server':
        this.retryLater(error.problem, error.message);
        return false;
      case 'refused':
        this.retryLater('server', error.message);
        return false;
      default:
        return error.problem satisfies never;
    }
  }

  private retryLater(reason: Problem['reason'], message: string, slowest = false): void {
    const wait = slowest ? this.options.backoff.maxMs : this.httpBackoff.next();
    this.httpProblem = { reason, message, retryAt: this.options.timers.now() + wait };
    this.clearRetry();
    this.retryTimer = this.options.timers.setTimeout(() => {
      this.retryTimer = null;
      this.sync();
    }, wait);
  }

  private signedOut(message: string): void {
    void this.stop();
    this.options.events.credentialsLost(message);
  }

  private clearRetry(): void {
    if (this.retryTimer !== null) this.options.timers.clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }
}
