import { randomUUID } from 'node:crypto';
import type { LeadRefused } from '../../src-shared/presence/lead-activity';
import type { PresenceState } from '../../src-shared/presence/presence';
import { canSeeStore, hasRole, type AuthContext } from '../accounts/auth-context';
import type { CloudServices } from '../services';
import { enterLead, leaveLead, renewView, setTyping, storeOfLead, type Viewer } from './lead-views';

const NOT_FOUND = 'No such lead, or it is not in one of your stores.';
const MANAGERS_ONLY = 'Only a manager can take over a lead.';

/**
 * The lead side of one live socket: the lead its desk says it is in, and whether the desk is
 * at work. A desk that says it is away, extended away or offline is in no lead (its lock goes)
 * until it says it is online again, when it is back in the lead it last asked for. Writes run
 * one after another, in the order the frames came.
 */
export class SocketLeads {
  private readonly viewer: Viewer;
  /** What the desk last asked: the lead open on it, or null. */
  private wanted: string | null = null;
  /** What the cloud has it in (as far as this socket knows: a view may lapse meanwhile). */
  private entered: string | null = null;
  private away = false;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly services: Pick<CloudServices, 'db' | 'now' | 'log'>,
    private readonly auth: Pick<AuthContext, 'tenantId' | 'userId' | 'role' | 'storeIds' | 'user'>,
    private readonly refuse: (refused: LeadRefused) => void,
  ) {
    this.viewer = { connectionId: randomUUID(), tenantId: auth.tenantId, userId: auth.userId };
  }

  /** `lead-view`: the desk is in this lead (again: a renewal), or in none. */
  view(leadId: string | null): void {
    this.wanted = leadId;
    this.run(() => this.follow(false));
  }

  /** `lead-typing` in the lead this desk is in; ignored for any other lead. */
  typing(leadId: string, typing: boolean): void {
    this.run(async () => {
      if (this.away || this.entered !== leadId) return;
      await setTyping(this.services.db, this.viewer, leadId, typing, this.services.now());
    });
  }

  /** `lead-take-over`: managers and admins only; they are in the lead from now. */
  takeOver(leadId: string): void {
    if (!hasRole(this.auth.role, 'manager')) {
      return this.refuse({ leadId, code: 'take_over_forbidden', message: MANAGERS_ONLY });
    }
    this.wanted = leadId;
    this.run(() => this.follow(true));
  }

  /** The device's presence frame: anything but online leaves the lead. */
  presence(state: PresenceState): void {
    const away = state !== 'online';
    if (away === this.away) return;
    this.away = away;
    this.run(() => this.follow(false));
  }

  /** The socket closed: out of the lead at once (not after the lapse). */
  closed(): void {
    this.wanted = null;
    this.run(() => this.follow(false));
  }

  /** Resolves once every write asked for so far is done (tests, and a clean close). */
  settled(): Promise<void> {
    return this.queue;
  }

  /** Brings the cloud to what the desk wants: in `wanted` unless away, else in no lead. */
  private async follow(takeOver: boolean): Promise<void> {
    const { db, now } = this.services;
    const target = this.away && !takeOver ? null : this.wanted;
    if (target === null) {
      if (this.entered === null) return;
      this.entered = null;
      return leaveLead(db, this.viewer, now());
    }
    if (!takeOver && this.entered === target && (await renewView(db, this.viewer, target, now())))
      return;
    const storeId = await storeOfLead(db, this.auth.tenantId, target);
    if (storeId === null || !canSeeStore(this.auth, storeId)) {
      this.wanted = null;
      this.refuse({ leadId: target, code: 'lead_not_found', message: NOT_FOUND });
      if (this.entered !== null) await leaveLead(db, this.viewer, now());
      this.entered = null;
      return;
    }
    const by = takeOver ? { userId: this.auth.userId, name: this.auth.user.name } : null;
    await enterLead(db, this.viewer, { leadId: target, storeId }, now(), by);
    this.entered = target;
  }

  private run(work: () => Promise<unknown>): void {
    this.queue = this.queue.then(work).then(
      () => {},
      (error: unknown) =>
        this.services.log.error(
          { err: error, tenantId: this.auth.tenantId, userId: this.auth.userId },
          'lead view not written',
        ),
    );
  }
}
