import { z } from 'zod';
import { EpochMs, Id } from '../domain/common';

/** DESIGN §6. Ordered from most to least available (a user is their most available device). */
export const PRESENCE_STATES = ['online', 'away', 'extended_away', 'offline'] as const;
export const PresenceState = z.enum(PRESENCE_STATES);
export type PresenceState = z.infer<typeof PresenceState>;

/**
 * Why a presence is what it is. `active`: online because the person is at the desk;
 * `unanswered`: set Away because a lead rang unanswered while they were idle (DESIGN §7).
 */
export const PRESENCE_REASONS = [
  'active',
  'idle',
  'locked',
  'suspended',
  'manual',
  'signed_out',
  'disconnected',
  'unanswered',
] as const;
export const PresenceReason = z.enum(PRESENCE_REASONS);
export type PresenceReason = z.infer<typeof PresenceReason>;

export const Presence = z.object({
  state: PresenceState,
  reason: PresenceReason,
  /** When it became this state and reason. */
  since: EpochMs,
});
export type Presence = z.infer<typeof Presence>;

/** One user's presence as the cloud sees it: the most available of their devices. */
export const UserPresence = Presence.extend({ userId: Id });
export type UserPresence = z.infer<typeof UserPresence>;

/** What a person may choose from the tray or the status menu. */
export const ManualPresence = z.enum(['online', 'away', 'offline']);
export type ManualPresence = z.infer<typeof ManualPresence>;

/** A device silent this long is offline (DESIGN §6). */
export const DEVICE_SILENT_MS = 45_000;
