import {
  ok,
  type ApiResult,
  type ConnectionReason,
  type ConnectionState,
  type ConsoleEvents,
  type EventName,
  type MutationName,
  type User,
} from '../../src-shared';
import { DEMO_PASSWORD } from '../../src-shared/demo';
import type { CoreLog } from '../core/log';
import type { SecretStore } from '../core/ports';
import type { EmbeddedCloud } from '../embedded-cloud/embedded-cloud';
import { META_KEYS } from '../replica/local/meta';
import type { Replica } from '../replica/replica';
import { DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { CloudApi } from './cloud-api';
import { CloudError } from './cloud-error';
import { SyncEngine } from './engine';
import { restoreEffects } from './local-effects/rebase';
import { mutate } from './mutate';
import { EMBEDDED_CLOUD, normalizeCloudUrl } from './session/cloud-address';
import { parkedOutbox } from './session/parked-outbox';
import { pendingLogouts } from './session/pending-logouts';
import { adoptReplica, markSignedOut, ownerOf } from './session/replica-owner';
import { sessionStore, type StoredSession } from './session/stored-session';
import { realTimers, type SyncTimers } from './timers';

/** "Try it on this PC" signs in as this demo agent. */
export const DEMO_AGENT_EMAIL = 'agent1@demo.test';
/** How long signing out waits for the outbox to go out first. */
const SIGN_OUT_FLUSH_MS = 5_000;

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
}

interface Active {
  stored: StoredSession;
  baseUrl: string;
  engine: SyncEngine;
}

type Failure = { reason: ConnectionReason | null; message: string };

/**
 * The desktop's side of sync (issue 7): sign-in and sign-out, the session kept in the
 * SecretStore, the replica's owner, mutations, and the SyncEngine of the signed-in session.
 * Sign-ins, sign-outs and resumes run one at a time.
 */
export class SyncService {
  private active: Active | null = null;
  private starting: string | null = null;
  private signedOut: Failure | null = null;
  private lastEmitted = '';
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  private readonly timers: SyncTimers;
  private readonly store;
  private readonly logouts;
  private readonly parked;

  constructor(private readonly options: SyncServiceOptions) {
    this.timers = options.tuning?.timers ?? realTimers;
    this.store = sessionStore(options.secrets);
    this.logouts = pendingLogouts(options.secrets);
    this.parked = parkedOutbox(options.dataDir);
  }

  connection(): ConnectionState {
    const replica = this.tryReplica();
    const pendingMutations = replica?.pendingMutations().length ?? 0;
    const base = { cloudUrl: null, pendingMutations, syncProgress: null };
    if (this.active) {
      return { ...this.active.engine.status(), ...{ cloudUrl: this.active.baseUrl, pendingMutations } };
    }
    if (this.starting) return { ...base, state: 'connecting', reason: null, message: this.starting };
    if (!this.signedOut && replica?.getMeta(META_KEYS.userId) && !replica.getMeta(META_KEYS.cloudUrl)) {
      const message = 'Demo data on this PC, not connected to a cloud.';
      return { ...base, state: 'offline', reason: null, message };
    }
    return { ...base, state: 'signed_out', reason: this.signedOut?.reason ?? null, message: this.signedOut?.message ?? null };
  }

  /** At start-up: a stored session resumes; else, when asked, a fresh install tries this PC. */
  start(options: { tryOnThisPcIfNew: boolean }): Promise<void> {
    // Until the stored session is read, someone signed in here is not "signed out".
    const replica = this.tryReplica();
    if (replica?.getMeta(META_KEYS.userId) && replica.getMeta(META_KEYS.cloudUrl)) {
      this.starting = 'Signing back in…';
    }
    return this.serially(async () => {
      if (await this.resume()) return;
      this.starting = null;
      this.emitConnection();
      const owner = this.tryReplica() && ownerOf(this.options.replica());
      const fresh = owner !== null && !owner.cloud && !owner.userId;
      if (options.tryOnThisPcIfNew && fresh) await this.tryOnThisPcNow();
    });
  }

  signIn(cloudUrl: string, email: string, password: string): Promise<ConnectionState> {
    return this.serially(async () => {
      let url: string;
      try {
        url = normalizeCloudUrl(cloudUrl);
      } catch (error) {
        return this.failedSignIn({ reason: 'network', message: `That is not a cloud address: ${(error as Error).message}.` });
      }
      return this.establish(url, url, email, password);
    });
  }

  tryOnThisPc(): Promise<ConnectionState> {
    return this.serially(() => this.tryOnThisPcNow());
  }

  signOut(): Promise<ConnectionState> {
    return this.serially(async () => {
      this.signedOut = null;
      await this.endActive();
      this.emitConnection();
      return this.connection();
    });
  }

  mutate(name: MutationName, args: unknown): ApiResult<{ mutationId: string }> {
    const replica = this.options.replica();
    const result = mutate(replica, this.me(replica), name, args, this.timers.now());
    if (!result.ok) return result;
    this.options.emit('replicaChanged', { tables: result.value.tables });
    this.active?.engine.sync();
    this.emitConnection();
    return ok({ mutationId: result.value.mutationId });
  }

  /** Something joined the outbox outside mutate (saved filters): send it. */
  outboxChanged(): void {
    this.active?.engine.sync();
    this.emitConnection();
  }

  /** After "Reset local cache": the kept outbox shows again, and everything is pulled anew. */
  afterReset(): void {
    const replica = this.tryReplica();
    if (!replica) return;
    const tables = restoreEffects(replica, () => this.me(replica));
    if (tables.length) this.options.emit('replicaChanged', { tables });
    this.active?.engine.sync();
  }

  async close(): Promise<void> {
    this.closed = true;
    const active = this.active;
    this.active = null;
    await active?.engine.stop();
    await this.options.embeddedCloud.stop();
  }

  private async tryOnThisPcNow(): Promise<ConnectionState> {
    this.starting = 'Starting the demo dealership on this PC…';
    this.emitConnection();
    let url: string;
    try {
      url = await this.options.embeddedCloud.url();
    } catch (error) {
      return this.failedSignIn({ reason: 'network', message: `The cloud on this PC could not start: ${(error as Error).message}.` });
    }
    return this.establish(EMBEDDED_CLOUD, url, DEMO_AGENT_EMAIL, DEMO_PASSWORD);
  }

  private async establish(cloud: string, baseUrl: string, email: string, password: string): Promise<ConnectionState> {
    let login: { token: string; user: User };
    try {
      login = await new CloudApi({ baseUrl }).login(email, password);
    } catch (error) {
      if (!(error instanceof CloudError)) throw error;
      return this.failedSignIn({ reason: error.reason ?? 'credentials', message: error.message });
    }
    if (this.closed) return this.connection();
    await this.endActive(); // switching user: the previous session ends first
    const { user, token } = login;
    const wiped = adoptReplica(cloud, user, {
      replica: this.options.replica,
      wipe: this.options.wipeReplica,
      parked: this.parked,
      log: this.options.log,
    });
    const stored = { cloud, token, userId: user.id, tenantId: user.tenantId };
    await this.store.write(stored);
    this.starting = null;
    this.signedOut = null;
    this.begin(stored, baseUrl);
    this.options.emit('replicaChanged', { tables: wiped ? this.options.allTables : ['outbox'] });
    this.emitConnection();
    return this.connection();
  }

  private failedSignIn(failure: Failure): ConnectionState {
    this.starting = null;
    if (this.active) return { ...this.connection(), ...failure };
    this.signedOut = failure;
    this.emitConnection();
    return this.connection();
  }

  /** A stored session whose replica is still the same user's picks up where it left off. */
  private async resume(): Promise<boolean> {
    const stored = await this.store.read();
    const replica = this.tryReplica();
    if (!stored || !replica) return false;
    const owner = ownerOf(replica);
    const signedIn = replica.getMeta(META_KEYS.userId) === stored.userId;
    if (!signedIn || owner.cloud !== stored.cloud || owner.tenantId !== stored.tenantId) {
      await this.store.forget();
      return false;
    }
    let baseUrl = stored.cloud;
    if (stored.cloud === EMBEDDED_CLOUD) {
      this.starting = 'Starting the demo dealership on this PC…';
      this.emitConnection();
      try {
        baseUrl = await this.options.embeddedCloud.url();
      } catch (error) {
        this.failedSignIn({ reason: 'network', message: `The cloud on this PC could not start: ${(error as Error).message}.` });
        return true;
      }
    }
    this.starting = null;
    this.begin(stored, baseUrl);
    this.emitConnection();
    return true;
  }

  private begin(stored: StoredSession, baseUrl: string): void {
    if (this.closed) return;
    const replica = this.options.replica();
    const clientId = replica.getMeta(META_KEYS.clientId) ?? '';
    const engine = new SyncEngine({
      baseUrl,
      token: stored.token,
      clientId,
      replica: this.options.replica,
      me: () => this.me(this.options.replica()),
      timers: this.timers,
      backoff: this.options.tuning?.backoff ?? DEFAULT_BACKOFF,
      pageSize: this.options.tuning?.pageSize ?? 2_000,
      log: this.options.log,
      events: {
        changed: () => this.emitConnection(),
        replicaChanged: (tables) => this.options.emit('replicaChanged', { tables }),
        rejected: (rejection) => this.options.emit('mutationRejected', rejection),
        credentialsLost: (message) => void this.serially(() => this.lost(engine, message)),
        cursorAhead: async () => {
          await this.options.resetReplica();
          this.afterReset();
        },
        replicaFailed: this.options.replicaFailed,
      },
    });
    this.active = { stored, baseUrl, engine };
    const withoutEffect = replica.pendingMutations().length > replica.localEffects().length;
    if (withoutEffect) this.afterReset();
    engine.start();
    void this.logouts.retry(stored.cloud, (token) => this.logout(baseUrl, token));
  }

  /** The cloud said the session is over (revoked, expired, signed out elsewhere). */
  private async lost(engine: SyncEngine, message: string): Promise<void> {
    if (this.active?.engine !== engine) return;
    this.active = null;
    await engine.stop();
    await this.store.forget();
    const replica = this.tryReplica();
    if (replica) markSignedOut(replica);
    this.signedOut = { reason: 'credentials', message };
    this.options.emit('replicaChanged', { tables: this.options.allTables });
    this.emitConnection();
  }

  /** Sends what it can, ends the session in the cloud and here; the data waits for its user. */
  private async endActive(): Promise<void> {
    const active = this.active;
    if (!active) return;
    await active.engine.flush(SIGN_OUT_FLUSH_MS);
    this.active = null;
    await active.engine.stop();
    await this.store.forget();
    if ((await this.logout(active.baseUrl, active.stored.token)) === 'later') {
      await this.logouts.add(active.stored.cloud, active.stored.token);
    }
    const replica = this.tryReplica();
    if (replica) markSignedOut(replica);
    this.options.emit('replicaChanged', { tables: this.options.allTables });
  }

  private async logout(baseUrl: string, token: string): Promise<'done' | 'later'> {
    try {
      await new CloudApi({ baseUrl, token, timeoutMs: 5_000 }).logout();
      return 'done';
    } catch (error) {
      // A token the cloud already refuses is as signed out as it gets.
      if (error instanceof CloudError && error.problem === 'credentials') return 'done';
      this.options.log({ level: 'warn', what: 'the cloud did not hear a sign-out; will retry', detail: (error as Error).message });
      return 'later';
    }
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

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
