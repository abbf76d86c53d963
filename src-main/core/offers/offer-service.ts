import {
  fail,
  ok,
  type ApiErrorCode,
  type ApiResult,
  type DesktopSettings,
  type OfferAlert,
  type OfferClosed,
  type User,
} from '../../../src-shared';
import type { CloudApi } from '../../sync/cloud-api';
import { CloudError } from '../../sync/cloud-error';
import type { EventHub } from '../events';
import type { Notifier, WindowShell } from '../ports';
import type { PresenceService } from '../presence/presence-service';
import { closedMessage, offerToast, UNANSWERED_NOTICE } from './closed-message';

export interface OfferServiceOptions {
  notifier: Notifier;
  shell: WindowShell;
  settings(): DesktopSettings;
  presence: Pick<PresenceService, 'unanswered' | 'lastActivityAt'>;
  /** The signed-in session's HTTP API, or null. */
  cloud(): CloudApi | null;
  me(): User | null;
  emit: EventHub['emit'];
  now(): number;
}

interface Ringing {
  offer: OfferAlert;
  /** When it started ringing here: an unanswered ring is judged against activity since. */
  since: number;
  stopRing: (() => void) | null;
}

/** How the cloud's refusals of an accept reach the renderer. */
const REFUSAL_CODES: Record<string, ApiErrorCode> = {
  offer_not_found: 'not_found',
  offer_missed: 'not_found',
  offer_taken: 'forbidden',
  offer_not_yours: 'forbidden',
};

/** Remembered closes, so a repeated frame (or our own accept's echo) closes nothing twice. */
const REMEMBERED_CLOSES = 500;

/**
 * Leads ringing at this desk (DESIGN §7): each offer from the live socket rings (unless sounds
 * are off), shows its alert and a notification until the cloud closes it or this desk accepts.
 * A missed offer that rang at an empty desk sets the person Away (reason unanswered).
 */
export class OfferService {
  private readonly ringing = new Map<string, Ringing>();
  private readonly closed = new Set<string>();
  private readonly accepting = new Map<string, Promise<ApiResult<{ leadId: string }>>>();

  constructor(private readonly options: OfferServiceOptions) {}

  /** Oldest first. */
  ringingOffers(): OfferAlert[] {
    return [...this.ringing.values()]
      .map((entry) => entry.offer)
      .sort((a, b) => a.createdAt - b.createdAt);
  }

  /** An `offer` frame; the cloud says ringing offers again on every connect. */
  offered(offer: OfferAlert): void {
    if (this.ringing.has(offer.offerId) || this.closed.has(offer.offerId)) return;
    const { notifier, shell, settings, emit, now } = this.options;
    this.ringing.set(offer.offerId, {
      offer,
      since: now(),
      stopRing: settings().playSounds ? notifier.ring() : null,
    });
    shell.showLeadAlert(offer);
    notifier.toast(offerToast(offer));
    emit('offerRinging', offer);
  }

  /** An `offer-closed` frame: accepted by someone, or missed. */
  closedByCloud(closed: OfferClosed): void {
    const message = closedMessage(closed, this.options.me()?.id ?? null);
    const entry = this.finish(closed, message);
    if (entry && closed.outcome === 'missed') this.judgeUnanswered(entry);
  }

  /** The first Accept wins; a second press while one is on its way gets the same answer. */
  accept(offerId: string): Promise<ApiResult<{ leadId: string }>> {
    let pending = this.accepting.get(offerId);
    if (!pending) {
      pending = this.claim(offerId).finally(() => this.accepting.delete(offerId));
      this.accepting.set(offerId, pending);
    }
    return pending;
  }

  /** The accept hotkey: the lead that has rung longest. A refusal is told as a notice. */
  async acceptOldest(): Promise<void> {
    const oldest = this.ringingOffers()[0];
    if (!oldest) return;
    const result = await this.accept(oldest.offerId).catch(() =>
      fail('internal', 'Accepting the lead failed unexpectedly; try the Accept button.'),
    );
    if (!result.ok) {
      this.options.emit('notice', {
        id: `accept-${oldest.offerId}`,
        message: result.error.message,
      });
    }
  }

  /** Play sounds was switched: ringing offers start or stop ringing. */
  soundsChanged(): void {
    const on = this.options.settings().playSounds;
    for (const entry of this.ringing.values()) {
      if (on && !entry.stopRing) entry.stopRing = this.options.notifier.ring();
      if (!on && entry.stopRing) {
        entry.stopRing();
        entry.stopRing = null;
      }
    }
  }

  /** The session ended (signed out): nothing here can be accepted any more. */
  sessionEnded(): void {
    for (const { offer } of [...this.ringing.values()]) {
      this.finish(
        { offerId: offer.offerId, leadId: offer.leadId, outcome: 'missed', acceptedBy: null },
        'Signed out',
      );
    }
    // Whatever the next session's cloud says is still ringing rings again.
    this.closed.clear();
  }

  /** Stops every ring (closing). */
  close(): void {
    for (const entry of this.ringing.values()) entry.stopRing?.();
    this.ringing.clear();
  }

  private async claim(offerId: string): Promise<ApiResult<{ leadId: string }>> {
    const cloud = this.options.cloud();
    if (!cloud) return fail('not_signed_in', 'Sign in to accept leads.');
    let leadId: string;
    try {
      ({ leadId } = await cloud.acceptOffer(offerId));
    } catch (error) {
      if (!(error instanceof CloudError)) throw error;
      return this.refused(offerId, error);
    }
    const me = this.options.me();
    this.finish(
      {
        offerId,
        leadId,
        outcome: 'accepted',
        acceptedBy: me ? { userId: me.id, name: me.name } : null,
      },
      'You accepted this lead',
    );
    this.options.shell.showConsole();
    this.options.emit('openLead', { leadId });
    return ok({ leadId });
  }

  /** The cloud said no: an offer that is gone or not ours stops ringing, with its reason. */
  private refused(offerId: string, error: CloudError): ApiResult<never> {
    const code = error.problem === 'refused' && error.code ? REFUSAL_CODES[error.code] : undefined;
    if (!code) {
      return fail(error.problem === 'credentials' ? 'not_signed_in' : 'internal', error.message);
    }
    const entry = this.ringing.get(offerId);
    if (entry) {
      const outcome = error.code === 'offer_taken' ? 'accepted' : 'missed';
      this.finish(
        { offerId, leadId: entry.offer.leadId, outcome, acceptedBy: null },
        error.message,
      );
    }
    return fail(code, error.message);
  }

  /** Stops the ring, closes the alert with `message`, tells the renderer; once per offer. */
  private finish(closed: OfferClosed, message: string): Ringing | null {
    if (this.closed.has(closed.offerId)) return null;
    this.remember(closed.offerId);
    const entry = this.ringing.get(closed.offerId) ?? null;
    this.ringing.delete(closed.offerId);
    entry?.stopRing?.();
    this.options.shell.closeLeadAlert(closed.offerId, message);
    this.options.emit('offerClosed', { ...closed, message });
    return entry;
  }

  /** Rang here and nobody touched the PC since it started: the desk is empty, say so. */
  private judgeUnanswered(entry: Ringing): void {
    const activity = this.options.presence.lastActivityAt();
    if (activity === null || activity > entry.since) return;
    if (this.options.presence.unanswered()) {
      this.options.emit('notice', {
        id: `unanswered-${entry.offer.offerId}`,
        message: UNANSWERED_NOTICE,
      });
    }
  }

  private remember(offerId: string): void {
    this.closed.add(offerId);
    if (this.closed.size > REMEMBERED_CLOSES) {
      const oldest = this.closed.values().next().value;
      if (oldest !== undefined) this.closed.delete(oldest);
    }
  }
}
