import { ok, type ApiResult, type ConnectionState, type ConsoleEvents } from '../../src-shared';
import type { EventName, LiveClientFrame, MutationName, SyncChange, User } from '../../src-shared';
import { DEMO_PASSWORD } from '../../src-shared/demo';
import { DEMO_USER_EMAIL } from '../core/demo-data';
import type { CoreLog } from '../core/log';
import type { SecretStore } from '../core/ports';
import type { EmbeddedCloud } from '../embedded-cloud/embedded-cloud';
import { META_KEYS } from '../replica/local/meta';
import type { Replica } from '../replica/replica';
import { DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { connectionState } from './connection-state';
import type { CloudApi } from './cloud-api';
import { SyncEngine } from './engine';
import { NO_LIVE_HOOKS, type LiveHooks } from './live-frames';
import { restoreEffects } from './local-effects/rebase';
import { mutate } from './mutate';
import { normalizeCloudUrl } from './session/cloud-address';
import { ownerOf } from './session/replica-owner';
import { SessionFlows } from './session/session-flows';
import type { StoredSession } from './session/stored-session';
import { realTimers, type SyncTimers } from './timers';

export interface SyncTuning {
  timers?: SyncTimers;
  backoff?: BackoffPolicy;
  /** Changes per pull page. */
  pageSize?: number;
}

export interface SyncServiceOptions {
  dataDir: string;
  replica(): Replica;
  /** Deletes the replica and opens an empty one (another user signs in). */
  wipeReplica(): void;
  /** "Reset local cache and resync", with its events (the cloud's data was replaced). */
  resetReplica(): Promise<void>;
  /** A replica failure during sync: true when handled (corruption), and sync stops. */
  replicaFailed(error: unknown): boolean;
  secrets: SecretStore;
  embeddedCloud: EmbeddedCloud;
  emit<E extends EventName>(event: E, payload: ConsoleEvents[E]): void;
  /** Every table, for the replicaChanged that follows a change of user. */
  allTables: string[];
  log: CoreLog;
  tuning?: SyncTuning;
  /** Presence and offers on the live socket (the core's presence and offer services). */
  live?: LiveHooks;
  /** Each pulled page's changes, once applied (the core's message notices). */
  pulled?(changes: readonly SyncChange[], firstSync: boolean): void;
}

/** How long a sign-out waits for its farewell frame to leave before closing the socket. */
const FAREWELL_MS = 2_000;

/**
 * The desktop's side of sync (issue 7), as the core's handlers see it: the connection state,
 * sign-in and sign-out (session/session-flows.ts, one at a time), mutations, and the SyncEngine
 * of the signed-in session.
 */
export class SyncService {
  private readonly flows: SessionFlows;
  private readonly timers: SyncTimers;
  private lastEmitted = '';
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: SyncServiceOptions) {
    this.timers = options.tuning?.timers ?? realTimers;
    this.flows = new SessionFlows({
      dataDir: options.dataDir,
      replica: options.replica,
      wipeReplica: options.wipeReplica,
      secrets: options.secrets,
      embeddedCloudUrl: () => options.embeddedCloud.url(),
      startEngine: (stored, baseUrl) => this.startEngine(stored, baseUrl),
      replicaReplaced: () => options.emit('replicaChanged', { tables: options.allTables }),
      connectionChanged: () => this.emitConnection(),
      beforeEnd: (engine) => this.farewell(engine),
      log: options.log,
    });
  }

  /** Says something on the signed-in session's live socket; false when it is not up. */
  sendLive(frame: LiveClientFrame): Promise<boolean> {
    return this.flows.active?.engine.sendLive(frame) ?? Promise.resolve(false);
  }

  /** The signed-in session's HTTP API, or null when nobody is signed in. */
  cloud(): CloudApi | null {
    return this.flows.active?.engine.cloud ?? null;
  }

  /** The signed-in user as the replica knows them. */
  currentUser(): User | null {
    const replica = this.tryReplica();
    return replica ? this.me(replica) : null;
  }

  connection(): ConnectionState {
    const replica = this.tryReplica();
    const { active, starting, signedOut } = this.flows;
    return connectionState({
      session: active && { status: active.engine.status(), baseUrl: active.baseUrl },
      starting,
      signedOut,
      localDemo: !!replica?.getMeta(META_KEYS.userId) && !replica.getMeta(META_KEYS.cloudUrl),
      pendingMutations: replica?.pendingMutations().length ?? 0,
    });
  }

  /** At start-up: a stored session resumes; else, when asked, a fresh install tries this PC. */
  start(options: { tryOnThisPcIfNew: boolean }): Promise<ConnectionState> {
    // Until the stored session is read, someone signed in here is not "signed out".
    const replica = this.tryReplica();
    if (replica?.getMeta(META_KEYS.userId) && replica.getMeta(META_KEYS.cloudUrl)) {
      this.flows.starting = 'Signing back in…';
    }
    return this.serially(async () => {
      if (!(await this.flows.resume())) {
        this.flows.starting = null;
        const owner = this.tryReplica() && ownerOf(this.options.replica());
        const fresh = owner !== null && !owner.cloud && !owner.userId;
        if (options.tryOnThisPcIfNew && fresh) {
          await this.flows.tryOnThisPc(DEMO_USER_EMAIL, DEMO_PASSWORD);
        }
      }
    });
  }

  signIn(cloudUrl: string, email: string, password: string): Promise<ConnectionState> {
    return this.serially(async () => {
      let url: string;
      try {
        url = normalizeCloudUrl(cloudUrl);
      } catch (error) {
        const why = (error as Error).message;
        this.flows.failed({ reason: 'network', message: `That is not a cloud address: ${why}.` });
        return;
      }
      await this.flows.signIn(url, url, email, password);
    });
  }

  tryOnThisPc(): Promise<ConnectionState> {
    return this.serially(() => this.flows.tryOnThisPc(DEMO_USER_EMAIL, DEMO_PASSWORD));
  }

  signOut(): Promise<ConnectionState> {
    return this.serially(async () => {
      this.flows.signedOut = null;
      await this.flows.end();
    });
  }

  mutate(name: MutationName, args: unknown): ApiResult<{ mutationId: string }> {
    const replica = this.options.replica();
    const result = mutate(replica, this.me(replica), name, args, this.timers.now());
    if (!result.ok) return result;
    this.options.emit('replicaChanged', { tables: result.value.tables });
    this.outboxChanged();
    return ok({ mutationId: result.value.mutationId });
  }

  /** Something joined the outbox (a mutation, saved filters): send it. */
  outboxChanged(): void {
    this.flows.active?.engine.sync();
    this.emitConnection();
  }

  /**
   * After "Reset local cache" (or a corrupt replica's reset): the kept outbox shows again,
   * everything is pulled anew, and a session that stopped with the replica starts again.
   */
  afterReset(): void {
    this.restoreLocalEffects();
    const active = this.flows.active;
    if (!active) {
      void this.serially(async () => void (await this.flows.resume()));
    } else if (active.engine.stopped) {
      active.engine = this.startEngine(active.stored, active.baseUrl);
    } else {
      active.engine.sync();
    }
  }

  async close(): Promise<void> {
    this.flows.closed = true;
    const active = this.flows.active;
    this.flows.active = null;
    await active?.engine.stop();
    await this.options.embeddedCloud.stop();
  }

  private startEngine(stored: StoredSession, baseUrl: string): SyncEngine {
    const { replica, tuning, log, emit } = this.options;
    const engine: SyncEngine = new SyncEngine({
      live: this.options.live,
      baseUrl,
      token: stored.token,
      clientId: replica().getMeta(META_KEYS.clientId) ?? '',
      replica,
      me: () => this.me(replica()),
      timers: this.timers,
      backoff: tuning?.backoff ?? DEFAULT_BACKOFF,
      pageSize: tuning?.pageSize ?? 2_000,
      log,
      events: {
        changed: () => this.emitConnection(),
        replicaChanged: (tables) => emit('replicaChanged', { tables }),
        pulled: this.options.pulled,
        rejected: (rejection) => emit('mutationRejected', rejection),
        credentialsLost: (message) => void this.serially(() => this.flows.lost(engine, message)),
        cursorAhead: async () => {
          await this.options.resetReplica();
          this.restoreLocalEffects();
        },
        replicaFailed: this.options.replicaFailed,
      },
    });
    const current = replica();
    if (current.pendingMutations().length > current.localEffects().length) {
      this.restoreLocalEffects();
    }
    engine.start();
    return engine;
  }

  /** The last word of a session on its socket (this device going offline), briefly awaited. */
  private async farewell(engine: SyncEngine): Promise<void> {
    const frame = (this.options.live ?? NO_LIVE_HOOKS).farewell();
    if (!frame) return;
    let timer: unknown = null;
    const timeout = new Promise<void>((done) => {
      timer = this.timers.setTimeout(done, FAREWELL_MS);
    });
    await Promise.race([engine.sendLive(frame), timeout]);
    this.timers.clearTimeout(timer);
  }

  /** Outbox entries without a shown effect (a reset kept them, a sign-in unparked them). */
  private restoreLocalEffects(): void {
    const replica = this.tryReplica();
    if (!replica) return;
    const tables = restoreEffects(replica, () => this.me(replica));
    if (tables.length) this.options.emit('replicaChanged', { tables });
  }

  private me(replica: Replica): User | null {
    const userId = replica.getMeta(META_KEYS.userId);
    return userId ? replica.syncedRow('users', userId) : null;
  }

  private tryReplica(): Replica | null {
    try {
      return this.options.replica();
    } catch {
      return null;
    }
  }

  private emitConnection(): void {
    const state = this.connection();
    const text = JSON.stringify(state);
    if (text === this.lastEmitted) return;
    this.lastEmitted = text;
    this.options.emit('connectionChanged', state);
  }

  /** Runs sign-ins, sign-outs and resumes one at a time; answers the state after each. */
  private serially(work: () => Promise<void>): Promise<ConnectionState> {
    const run = this.queue.then(work, work).then(() => {
      this.emitConnection();
      return this.connection();
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}
