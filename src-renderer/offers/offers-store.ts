import { create } from 'zustand';
import type { OfferAlert } from '../../src-shared/presence/offer-alert';
import { callCore, explain } from '../api/request';
import { remainingMs } from './countdown';

/** How long a closed alert stays to say why ("Taken by Ana Ruiz") before it goes. */
export const CLOSED_SHOWN_MS = 3_000;
/**
 * An offer past its deadline by this much with no word from the core lost its close on the
 * way (a dropped socket): it stops ringing rather than ringing forever.
 */
const STALE_AFTER_MS = 30_000;

export type OfferPhase = 'ringing' | 'accepting' | 'accepted' | 'closed';

export interface OfferEntry {
  offer: OfferAlert;
  phase: OfferPhase;
  /** What the alert says under its details: why Accept failed, or how the offer ended. */
  message: string | null;
}

interface OffersState {
  /** Oldest first: the order they rang in. */
  entries: OfferEntry[];
  /** True once the core said which offers were already ringing. */
  loaded: boolean;
  ringing(offer: OfferAlert): void;
  /** The offer stopped ringing (`offerClosed`, or the alert window's closing notice). */
  closed(closed: { offerId: string; message: string }): void;
  /** Resolves the lead's id when this desk won the offer, else null (the alert says why). */
  accept(offerId: string): Promise<string | null>;
  load(): Promise<void>;
  remove(offerId: string): void;
}

/** Failures after which the offer is gone for good: no point ringing or retrying. */
const FINAL_FAILURES = new Set(['not_found', 'forbidden']);

const timers = new Map<string, ReturnType<typeof setTimeout>>();
function later(offerId: string, ms: number, job: () => void): void {
  clearTimeout(timers.get(offerId));
  timers.set(
    offerId,
    setTimeout(() => {
      timers.delete(offerId);
      job();
    }, ms),
  );
}

/** The leads ringing at this desk (DESIGN §7), with what each alert shows. */
export const useOffers = create<OffersState>()((set, get) => {
  const update = (offerId: string, change: Partial<OfferEntry>) =>
    set(({ entries }) => ({
      entries: entries.map((e) => (e.offer.offerId === offerId ? { ...e, ...change } : e)),
    }));
  const closeWith = (offerId: string, message: string) => {
    update(offerId, { phase: 'closed', message });
    later(offerId, CLOSED_SHOWN_MS, () => get().remove(offerId));
  };

  return {
    entries: [],
    loaded: false,
    ringing: (offer) => {
      if (get().entries.some((e) => e.offer.offerId === offer.offerId)) return;
      const entry: OfferEntry = { offer, phase: 'ringing', message: null };
      set(({ entries }) => ({
        entries: [...entries, entry].sort((a, b) => a.offer.createdAt - b.offer.createdAt),
      }));
      later(offer.offerId, remainingMs(offer, Date.now()) + STALE_AFTER_MS, () => {
        const entry = get().entries.find((e) => e.offer.offerId === offer.offerId);
        if (entry && entry.phase !== 'closed')
          closeWith(offer.offerId, 'This lead stopped ringing.');
      });
    },
    closed: ({ offerId, message }) => {
      if (!get().entries.some((e) => e.offer.offerId === offerId)) return;
      closeWith(offerId, message);
    },
    accept: async (offerId) => {
      const entry = get().entries.find((e) => e.offer.offerId === offerId);
      if (!entry || entry.phase !== 'ringing') return null;
      update(offerId, { phase: 'accepting', message: null });
      const result = await callCore('acceptOffer', { offerId });
      const now = get().entries.find((e) => e.offer.offerId === offerId);
      // Closed while the answer travelled: the close already says how it ended.
      if (!now || now.phase === 'closed') return result.ok ? result.value.leadId : null;
      if (result.ok) {
        update(offerId, { phase: 'accepted', message: 'Accepted. Opening the lead…' });
        return result.value.leadId;
      }
      const why = explain(result.error);
      if (FINAL_FAILURES.has(result.error.code)) closeWith(offerId, why);
      // Anything else (the connection dropped) may pass: it still rings, and Accept is retried.
      else update(offerId, { phase: 'ringing', message: why });
      return null;
    },
    load: async () => {
      const result = await callCore('getRingingOffers', {});
      if (result.ok) result.value.forEach((offer) => get().ringing(offer));
      set({ loaded: true });
    },
    remove: (offerId) => {
      clearTimeout(timers.get(offerId));
      timers.delete(offerId);
      set(({ entries }) => ({ entries: entries.filter((e) => e.offer.offerId !== offerId) }));
    },
  };
});

/** The offers still waiting for an answer: the ring goes on while there is one. */
export function ringingEntries(entries: readonly OfferEntry[]): OfferEntry[] {
  return entries.filter((e) => e.phase === 'ringing');
}

/** Forgets every offer and its timers (sign-out). */
export function forgetOffers(): void {
  timers.forEach((timer) => clearTimeout(timer));
  timers.clear();
  useOffers.setState({ entries: [], loaded: false });
}
