import { z } from 'zod';
import { Id } from '../domain/common';
import { User } from '../domain/user';
import type { LeadActivity, LeadRefused, LeadTakenOver } from '../presence/lead-activity';
import type { OfferAlert, OfferClosed } from '../presence/offer-alert';
import { PresenceReason, PresenceState, type UserPresence } from '../presence/presence';
import type { SyncChange } from './changes';

/**
 * The wire between a desktop and the cloud (DESIGN §4). Paths are under /v1; every route but
 * login takes `Authorization: Bearer <token>`.
 */

export const LoginRequest = z.object({
  email: z.string().email().max(320),
  password: z.string().min(1).max(200),
});
export const LoginResponse = z.object({ token: z.string(), user: User });

/** GET /v1/sync?since=V&limit=N: the rows changed after version V, oldest change first. */
export const PullQuery = z.object({
  since: z.coerce.number().int().nonnegative(),
  limit: z.coerce.number().int().min(1).max(10_000).default(1000),
});
export interface PullResponse {
  changes: SyncChange[];
  /** The version to ask `since` next time. */
  cursor: number;
  /** True when more changes are waiting: ask again at once. */
  more: boolean;
  /** The tenant's current version, for progress ("12,000 of 100,000"). */
  version: number;
}

/** POST /v1/mutations: applied in order, each in its own transaction, idempotent per (client, id). */
export const MutationEnvelope = z.object({
  id: Id,
  name: z.string().min(1).max(60),
  args: z.unknown(),
});
export const PushRequest = z.object({
  clientId: Id,
  mutations: z.array(MutationEnvelope).min(1).max(100),
});
export type MutationResult =
  { id: string; status: 'ok' } | { id: string; status: 'rejected'; code: string; message: string };
export interface PushResponse {
  results: MutationResult[];
  version: number;
}

/**
 * Frames on WS /v1/live. Besides pokes, the socket carries what is never stored in the replica
 * (DESIGN §4): presence, offers, lead locks and typing.
 */
export type LiveServerFrame =
  | { type: 'poke'; version: number }
  | { type: 'pong' }
  /** Sent on connect: every user of the tenant as the cloud sees them now. */
  | { type: 'presence-snapshot'; users: UserPresence[] }
  /** One user's presence changed (the most available of their devices). */
  | { type: 'presence'; user: UserPresence }
  /** A lead rings at this desk: sent to each online agent it is offered to (and on connect). */
  | { type: 'offer'; offer: OfferAlert }
  /** An offer this desk rang for was accepted (by someone) or missed. */
  | { type: 'offer-closed'; closed: OfferClosed }
  /**
   * Lead locks (issue 4): on connect, every lead someone is in, of the stores this user sees;
   * then the whole state of one lead each time it changes (nobody left: lock null, no viewers).
   */
  | { type: 'lead-activity-snapshot'; leads: LeadActivity[] }
  | { type: 'lead-activity'; lead: LeadActivity }
  /** To the former holder's desks: a manager took their lead over. */
  | ({ type: 'lead-taken-over' } & LeadTakenOver)
  /** To the one socket whose lead frame was refused (a lead it may not see, an agent's take-over). */
  | ({ type: 'lead-refused' } & LeadRefused);

/**
 * A device's own presence, sent on connect and on every change. `deviceId` is stable per
 * install, so one person's laptop and desktop count separately.
 */
export const LivePresenceFrame = z
  .object({
    type: z.literal('presence'),
    deviceId: Id,
    state: PresenceState,
    reason: PresenceReason,
  })
  .strict();
/**
 * Lead locks (issue 4). `lead-view`: "I am in lead X" (null: in none), said when a lead opens or
 * closes and again every LEAD_VIEW_RENEW_MS while it stays open (a view not renewed lapses).
 * `lead-typing`: typing started (said again while it goes on) or stopped in the lead open here.
 * `lead-take-over`: a manager takes the lock of a lead (and is in it from then on).
 */
export const LiveLeadViewFrame = z
  .object({ type: z.literal('lead-view'), leadId: Id.nullable() })
  .strict();
export const LiveLeadTypingFrame = z
  .object({ type: z.literal('lead-typing'), leadId: Id, typing: z.boolean() })
  .strict();
export const LiveLeadTakeOverFrame = z
  .object({ type: z.literal('lead-take-over'), leadId: Id })
  .strict();
export const LiveClientFrame = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ping') }).strict(),
  LivePresenceFrame,
  LiveLeadViewFrame,
  LiveLeadTypingFrame,
  LiveLeadTakeOverFrame,
]);
export type LiveClientFrame = z.infer<typeof LiveClientFrame>;

/** POST /v1/offers/:offerId/accept: the atomic claim (DESIGN §7). 200 `{leadId}`; or an
 * ErrorBody with code offer_not_found (404), offer_not_yours (403), offer_taken (409, the
 * message names who took it) or offer_missed (410). */
export interface AcceptOfferResponse {
  leadId: string;
}

/**
 * POST /v1/inbound (managers and admins; the Twilio and email issues call the same service from
 * their webhooks): a customer's message arriving at a store. A new conversation with nobody
 * assigned rings at the store's online agents.
 */
export const InboundMessageRequest = z
  .object({
    storeId: Id,
    channel: z.enum(['sms', 'chat', 'email', 'messenger']),
    from: z
      .object({
        phone: z.string().max(40).nullable().default(null),
        email: z.email().max(320).nullable().default(null),
        firstName: z.string().max(100).nullable().default(null),
        lastName: z.string().max(100).nullable().default(null),
      })
      .strict()
      .refine((f) => f.phone !== null || f.email !== null, 'a phone or an email is required'),
    body: z.string().min(1).max(5000),
    /** The lead source for a new lead; default from the channel (sms: Text, chat: Chat...). */
    source: z.string().min(1).max(60).optional(),
  })
  .strict();
export type InboundMessageRequest = z.input<typeof InboundMessageRequest>;
export interface InboundMessageResponse {
  leadId: string;
  conversationId: string;
  messageId: string;
  /** The offer it rang as, or null (assigned already, an old conversation, nobody online). */
  offerId: string | null;
}

/** GET /v1/presence: every user of the tenant. */
export interface PresenceListResponse {
  users: UserPresence[];
}

/** Every 4xx/5xx body: a code a program can branch on and a sentence a person can read. */
export interface ErrorBody {
  error: { code: string; message: string };
}
