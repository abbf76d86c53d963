import { z } from 'zod';
import {
  LeadActivity,
  LeadRefused,
  LeadTakenOver,
  OfferAlert,
  OfferClosed,
  UserPresence,
  type LiveClientFrame,
  type LiveServerFrame,
} from '../../src-shared';

/** The frames that carry ephemeral state (presence, offers, lead locks) for the core, not for sync. */
export type LiveStateFrame = Exclude<LiveServerFrame, { type: 'poke' } | { type: 'pong' }>;

/**
 * What the core hears from the live socket besides pokes (DESIGN §4), and the one thing it says
 * when a session ends.
 */
export interface LiveHooks {
  /**
   * `connecting`: a session's socket is not up (yet, or again after a drop); `up`: it just
   * opened (send what the cloud must hear on every connect); `stopped`: no session socket.
   */
  status(status: 'connecting' | 'up' | 'stopped'): void;
  frame(frame: LiveStateFrame): void;
  /** Sent just before signing out closes the socket (this device going offline), or null. */
  farewell(): LiveClientFrame | null;
}

export const NO_LIVE_HOOKS: LiveHooks = {
  status: () => undefined,
  frame: () => undefined,
  farewell: () => null,
};

const ServerFrame = z.discriminatedUnion('type', [
  z.object({ type: z.literal('poke'), version: z.number().int().nonnegative() }),
  z.object({ type: z.literal('pong') }),
  z.object({ type: z.literal('presence-snapshot'), users: z.array(UserPresence).max(100_000) }),
  z.object({ type: z.literal('presence'), user: UserPresence }),
  z.object({ type: z.literal('offer'), offer: OfferAlert }),
  z.object({ type: z.literal('offer-closed'), closed: OfferClosed }),
  z.object({
    type: z.literal('lead-activity-snapshot'),
    leads: z.array(LeadActivity).max(100_000),
  }),
  z.object({ type: z.literal('lead-activity'), lead: LeadActivity }),
  LeadTakenOver.extend({ type: z.literal('lead-taken-over') }),
  LeadRefused.extend({ type: z.literal('lead-refused') }),
]);

export type ParsedFrame = { ok: true; frame: LiveServerFrame } | { ok: false; problem: string };

/**
 * Reads one text frame from the cloud. A frame that does not fit is described without its
 * content (which may hold names and messages), so the description is safe to log.
 */
export function parseServerFrame(text: string): ParsedFrame {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: `not JSON (${text.length} characters)` };
  }
  const parsed = ServerFrame.safeParse(json);
  if (parsed.success) return { ok: true, frame: parsed.data };
  const type = (json as { type?: unknown } | null)?.type;
  const named =
    typeof type === 'string' ? `a "${type.slice(0, 40)}" frame` : 'a frame without a type';
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
  return { ok: false, problem: `${named}${where}: ${issue?.message ?? 'does not fit'}` };
}
