import type { User } from '../../../src-shared';
import type { CoreLog } from '../../core/log';
import type { SecretStore } from '../../core/ports';
import { META_KEYS } from '../../replica/local/meta';
import type { Replica } from '../../replica/replica';
import { CloudApi } from '../cloud-api';
import { CloudError } from '../cloud-error';
import type { SignedOutReason } from '../connection-state';
import type { SyncEngine } from '../engine';
import { EMBEDDED_CLOUD } from './cloud-address';
import { parkedOutbox } from './parked-outbox';
import { pendingLogouts } from './pending-logouts';
import { adoptReplica, markSignedOut, ownerOf } from './replica-owner';
import { sessionStore, type StoredSession } from './stored-session';

/** How long signing out waits for the outbox to go out first. */
const SIGN_OUT_FLUSH_MS = 5_000;
const STARTING_THIS_PC = 'Starting the demo dealership on this PC…';

export interface ActiveSession {
  stored: StoredSession;
  baseUrl: string;
  /** Replaced when a reset restarts sync after a damaged replica stopped it. */
  engine: SyncEngine;
}

export interface SessionDeps {
  dataDir: string;
  replica(): Replica;
  wipeReplica(): void;
  secrets: SecretStore;
  /** The embedded cloud's URL, starting it if needed. */
  embeddedCloudUrl(): Promise<string>;
  /** Builds and starts the engine of a session (the service wires its events). */
  startEngine(stored: StoredSession, baseUrl: string): SyncEngine;
  /** Every table changed (another user's data, or nobody's). */
  replicaReplaced(): void;
  connectionChanged(): void;
  /** Just before a session's engine stops on sign-out (its last word on the live socket). */
  beforeEnd(engine: SyncEngine): Promise<void>;
  log: CoreLog;
}

/**
 * The life of a session: signing in (and switching user), resuming a stored session on start,
 * losing it to the cloud, signing out. Run one at a time by the service.
 */
export class SessionFlows {
  active: ActiveSession | null = null;
  starting: string | null = null;
  signedOut: SignedOutReason | null = null;
  closed = false;
  private readonly store;
  private readonly logouts;
  private readonly parked;

  constructor(private readonly deps: SessionDeps) {
    this.store = sessionStore(deps.secrets);
    this.logouts = pendingLogouts(deps.secrets);
    this.parked = parkedOutbox(deps.dataDir);
  }

  /** Signs in; a failure leaves the session as it was and says why. */
  async signIn(cloud: string, baseUrl: string, email: string, password: string): Promise<void> {
    let login: { token: string; user: User };
    try {
      login = await new CloudApi({ baseUrl }).login(email, password);
    } catch (error) {
      if (!(error instanceof CloudError)) throw error;
      return this.failed({ reason: error.reason ?? 'credentials', message: error.message });
    }
    if (this.closed) return;
    await this.end(); // switching user: the previous session ends first
    const { user, token } = login;
    const wiped = adoptReplica(cloud, user, {
      replica: this.deps.replica,
      wipe: this.deps.wipeReplica,
      parked: this.parked,
      log: this.deps.log,
    });
    const stored = { cloud, token, userId: user.id, tenantId: user.tenantId };
    await this.store.write(stored);
    this.starting = null;
    this.signedOut = null;
    this.begin(stored, baseUrl);
    if (wiped) this.deps.replicaReplaced();
  }

  async tryOnThisPc(email: string, password: string): Promise<void> {
    const url = await this.embeddedCloud();
    if (url) await this.signIn(EMBEDDED_CLOUD, url, email, password);
  }

  /** A stored session whose replica is still that user's picks up where it left off. */
  async resume(): Promise<boolean> {
    const stored = await this.store.read();
    const replica = this.replica();
    if (!stored || !replica) return false;
    const owner = ownerOf(replica);
    const signedIn = replica.getMeta(META_KEYS.userId) === stored.userId;
    if (!signedIn || owner.cloud !== stored.cloud || owner.tenantId !== stored.tenantId) {
      await this.store.forget();
      return false;
    }
    const baseUrl = stored.cloud === EMBEDDED_CLOUD ? await this.embeddedCloud() : stored.cloud;
    if (baseUrl) {
      this.starting = null;
      this.begin(stored, baseUrl);
    }
    return true;
  }

  /** The cloud ended the session (revoked, expired, signed out elsewhere). */
  async lost(engine: SyncEngine, message: string): Promise<void> {
    if (this.active?.engine !== engine) return;
    this.active = null;
    await engine.stop();
    await this.store.forget();
    this.signOutReplica();
    this.signedOut = { reason: 'credentials', message };
  }

  /** Sends what it can, ends the session in the cloud and here; the data waits for its user. */
  async end(): Promise<void> {
    const active = this.active;
    if (!active) return;
    await active.engine.flush(SIGN_OUT_FLUSH_MS);
    await this.deps.beforeEnd(active.engine);
    this.active = null;
    await active.engine.stop();
    await this.store.forget();
    if ((await this.logout(active.baseUrl, active.stored.token)) === 'later') {
      await this.logouts.add(active.stored.cloud, active.stored.token);
    }
    this.signOutReplica();
  }

  failed(reason: SignedOutReason): void {
    this.starting = null;
    if (!this.active) this.signedOut = reason;
  }

  private begin(stored: StoredSession, baseUrl: string): void {
    if (this.closed) return;
    this.active = { stored, baseUrl, engine: this.deps.startEngine(stored, baseUrl) };
    void this.logouts.retry(stored.cloud, (token) => this.logout(baseUrl, token));
  }

  private async embeddedCloud(): Promise<string | null> {
    this.starting = STARTING_THIS_PC;
    this.deps.connectionChanged();
    try {
      return await this.deps.embeddedCloudUrl();
    } catch (error) {
      const why = (error as Error).message;
      this.failed({ reason: 'network', message: `The cloud on this PC could not start: ${why}.` });
      return null;
    }
  }

  private async logout(baseUrl: string, token: string): Promise<'done' | 'later'> {
    try {
      await new CloudApi({ baseUrl, token, timeoutMs: 5_000 }).logout();
      return 'done';
    } catch (error) {
      // A token the cloud already refuses is as signed out as it gets.
      if (error instanceof CloudError && error.problem === 'credentials') return 'done';
      const detail = (error as Error).message;
      this.deps.log({
        level: 'warn',
        what: 'the cloud did not hear a sign-out; will retry',
        detail,
      });
      return 'later';
    }
  }

  private signOutReplica(): void {
    const replica = this.replica();
    if (replica) markSignedOut(replica);
    this.deps.replicaReplaced();
  }

  private replica(): Replica | null {
    try {
      return this.deps.replica();
    } catch {
      return null;
    }
  }
}
