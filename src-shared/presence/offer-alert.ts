import { z } from 'zod';
import { EpochMs, Id } from '../domain/common';

/** What a ringing desk shows of an offer (DESIGN §7): enough to decide, nothing more. */
export const OfferAlert = z.object({
  offerId: Id,
  leadId: Id,
  leadName: z.string(),
  /** E164, or null for a lead without a phone (web chat, email). */
  phone: z.string().nullable(),
  storeId: Id,
  storeName: z.string(),
  /** The lead source (Text, Chat, Email, Facebook...). */
  source: z.string(),
  firstMessage: z.string(),
  createdAt: EpochMs,
  expiresAt: EpochMs,
});
export type OfferAlert = z.infer<typeof OfferAlert>;

/** How an offer ended, for every desk it rang at. */
export const OfferClosed = z.object({
  offerId: Id,
  leadId: Id,
  outcome: z.enum(['accepted', 'missed']),
  /** Who accepted (null when missed). */
  acceptedBy: z.object({ userId: Id, name: z.string() }).nullable(),
});
export type OfferClosed = z.infer<typeof OfferClosed>;
