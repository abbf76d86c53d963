import {
  fail,
  isEmptyActivity,
  mayTakeOverLead,
  LEAD_TYPING_RENEW_MS,
  LEAD_VIEW_RENEW_MS,
  ok,
  type ApiResult,
  type LeadActivity,
  type LeadRefused,
  type LeadTakenOver,
  type LiveClientFrame,
  type User,
} from '../../../src-shared';
import type { LiveStateFrame } from '../../sync/live-frames';
import type { SyncTimers } from '../../sync/timers';
import type { EventHub } from '../events';
import type { CoreLog } from '../log';

/** Typing stops by itself when no key was pressed for this long (the composer forgot to say). */
export const TYPING_IDLE_MS = 5_000;
/** A take-over the cloud has not answered within this long is reported as failed. */
export const TAKE_OVER_WAIT_MS = 10_000;

export const MANAGERS_ONLY = 'Only a manager can take over a lead.';
const NOT_CONNECTED = 'Not connected to the cloud: try again once the connection is back.';
const NO_ANSWER = 'The cloud did not answer the take-over; try again.';

export type LeadFrame = Extract<
  LiveStateFrame,
  { type: 'lead-activity-snapshot' | 'lead-activity' | 'lead-taken-over' | 'lead-refused' }
>;

export interface LeadActivityOptions {
  /** Says a frame on the live socket; false when it is not up. */
  send(frame: LiveClientFrame): Promise<boolean>;
  me(): User | null;
  /** Whether the person is at the desk (presence online): away, they are in no lead. */
  atDesk(): boolean;
  emit: EventHub['emit'];
  log: CoreLog;
  timers: Pick<SyncTimers, 'now' | 'setTimeout' | 'clearTimeout'>;
}

interface PendingTakeOver {
  settle(result: ApiResult<{ leadId: string }>): void;
  timer: unknown;
}

/**
 * Who is in which lead, for this desk (issue 4 "Lead lock"). The renderer says which lead is
 * open; while the socket is up and the person is at the desk, the cloud hears "I am in lead X"
 * at once and again every LEAD_VIEW_RENEW_MS (a view not renewed lapses there). Signing out,
 * closing, going away or closing the lead says "in none" (or the socket's close does). What the
 * cloud says of every lead is kept here and pushed as `leadActivity`.
 */
export class LeadActivityService {
  private readonly byLead = new Map<string, LeadActivity>();
  /** The lead open in this desk's console, whatever the connection. */
  private open: string | null = null;
  /** What the cloud was last told on this socket: null for "in no lead" (or told nothing). */
  private told: string | null = null;
  private liveUp = false;
  private renewTimer: unknown = null;
  private typing: { leadId: string; sentAt: number; stopTimer: unknown } | null = null;
  private readonly takeOvers = new Map<string, PendingTakeOver>();

  constructor(private readonly options: LeadActivityOptions) {}

  /** The lead open in this desk's console, or null. */
  get openLead(): string | null {
    return this.open;
  }

  list(): LeadActivity[] {
    return [...this.byLead.values()];
  }

  /** The renderer opened a lead, or closed it (null). */
  opened(leadId: string | null): void {
    if (leadId === this.open) return;
    this.stopTyping();
    this.open = leadId;
    this.follow();
  }

  /** A key pressed in the composer (true), or the message sent or the composer left (false). */
  typed(leadId: string, typing: boolean): void {
    if (leadId !== this.open || this.told !== leadId) return;
    const { timers } = this.options;
    if (!typing) return this.stopTyping();
    const now = timers.now();
    const current = this.typing;
    if (current) timers.clearTimeout(current.stopTimer);
    const due = !current || now - current.sentAt >= LEAD_TYPING_RENEW_MS;
    if (due) void this.options.send({ type: 'lead-typing', leadId, typing: true });
    this.typing = {
      leadId,
      sentAt: due ? now : (current?.sentAt ?? now),
      stopTimer: timers.setTimeout(() => this.stopTyping(), TYPING_IDLE_MS),
    };
  }

  /** A manager takes the lead's lock (and is in it from now); answers once the cloud did. */
  takeOver(leadId: string): Promise<ApiResult<{ leadId: string }>> {
    const me = this.options.me();
    if (!me) return Promise.resolve(fail('not_signed_in', 'Sign in to take over a lead.'));
    // The cloud decides; this only says it sooner and better.
    if (!mayTakeOverLead(me.role)) return Promise.resolve(fail('forbidden', MANAGERS_ONLY));
    if (!this.liveUp) return Promise.resolve(fail('internal', NOT_CONNECTED));
    if (this.byLead.get(leadId)?.lock?.userId === me.id) {
      this.opened(leadId);
      return Promise.resolve(ok({ leadId }));
    }
    this.takeOvers.get(leadId)?.settle(fail('internal', NO_ANSWER));
    this.stopTyping();
    this.open = leadId;
    this.told = leadId;
    void this.options.send({ type: 'lead-take-over', leadId });
    this.scheduleRenewal();
    return new Promise((resolve) => {
      const { timers } = this.options;
      const pending: PendingTakeOver = {
        settle: (result) => {
          timers.clearTimeout(pending.timer);
          if (this.takeOvers.get(leadId) === pending) this.takeOvers.delete(leadId);
          resolve(result);
        },
        timer: timers.setTimeout(
          () => pending.settle(fail('internal', NO_ANSWER)),
          TAKE_OVER_WAIT_MS,
        ),
      };
      this.takeOvers.set(leadId, pending);
    });
  }

  /** The person's presence changed: away, they leave the lead; back, they are in it again. */
  presenceChanged(): void {
    this.follow();
  }

  /** The live socket: up, it hears where this desk is; down, the cloud let go of it already. */
  liveStatus(status: 'connecting' | 'up' | 'stopped'): void {
    this.liveUp = status === 'up';
    this.told = null;
    if (status === 'stopped') {
      // Signed out: the next person starts with no lead open and knows nothing of anyone's.
      this.open = null;
      this.byLead.clear();
      this.options.emit('leadActivity', { replace: true, leads: [] });
    }
    if (!this.liveUp) {
      this.dropTyping();
      for (const pending of [...this.takeOvers.values()])
        pending.settle(fail('internal', NOT_CONNECTED));
    }
    this.follow();
  }

  frame(frame: LeadFrame): void {
    switch (frame.type) {
      case 'lead-activity-snapshot':
        this.byLead.clear();
        for (const lead of frame.leads) this.byLead.set(lead.leadId, lead);
        this.options.emit('leadActivity', { replace: true, leads: frame.leads });
        for (const lead of frame.leads) this.checkTakeOver(lead);
        return;
      case 'lead-activity':
        if (isEmptyActivity(frame.lead)) this.byLead.delete(frame.lead.leadId);
        else this.byLead.set(frame.lead.leadId, frame.lead);
        this.options.emit('leadActivity', { replace: false, leads: [frame.lead] });
        return this.checkTakeOver(frame.lead);
      case 'lead-taken-over':
        return this.takenOver(frame);
      case 'lead-refused':
        return this.refused(frame);
      default:
        return frame satisfies never;
    }
  }

  close(): void {
    const { timers } = this.options;
    if (this.renewTimer !== null) timers.clearTimeout(this.renewTimer);
    this.renewTimer = null;
    this.dropTyping();
    for (const pending of [...this.takeOvers.values()])
      pending.settle(fail('internal', 'Showroom is shutting down.'));
  }

  /** Tells the cloud where this desk is, when that changed, and keeps renewing it. */
  private follow(): void {
    const want = this.liveUp && this.options.atDesk() ? this.open : null;
    if (want !== this.told) {
      if (want === null) this.stopTyping();
      // Said on a socket that is up; a socket that is down forgets the view by itself.
      if (this.liveUp) void this.options.send({ type: 'lead-view', leadId: want });
      this.told = want;
    }
    this.scheduleRenewal();
  }

  private scheduleRenewal(): void {
    const { timers } = this.options;
    if (this.renewTimer !== null) timers.clearTimeout(this.renewTimer);
    this.renewTimer = null;
    if (this.told === null) return;
    this.renewTimer = timers.setTimeout(() => {
      this.renewTimer = null;
      if (this.told === null || !this.liveUp) return;
      void this.options.send({ type: 'lead-view', leadId: this.told });
      this.scheduleRenewal();
    }, LEAD_VIEW_RENEW_MS);
  }

  private stopTyping(): void {
    const current = this.typing;
    if (!current) return;
    this.dropTyping();
    if (this.liveUp)
      void this.options.send({ type: 'lead-typing', leadId: current.leadId, typing: false });
  }

  private dropTyping(): void {
    if (this.typing) this.options.timers.clearTimeout(this.typing.stopTimer);
    this.typing = null;
  }

  private checkTakeOver(lead: LeadActivity): void {
    const pending = this.takeOvers.get(lead.leadId);
    const me = this.options.me();
    if (pending && me && lead.lock?.userId === me.id) pending.settle(ok({ leadId: lead.leadId }));
  }

  private takenOver({ leadId, by }: LeadTakenOver): void {
    this.stopTyping();
    this.options.emit('notice', {
      id: `lead-taken-over:${leadId}`,
      message: `${by.name} took over a lead you were in; it is read-only for you now.`,
    });
  }

  private refused({ leadId, code, message }: LeadRefused): void {
    const pending = this.takeOvers.get(leadId);
    if (pending) {
      return pending.settle(
        fail(code === 'take_over_forbidden' ? 'forbidden' : 'not_found', message),
      );
    }
    this.options.log({ level: 'warn', what: `the cloud refused lead ${leadId}`, detail: message });
  }
}
