import type { Presence, PresenceReason, PresenceState } from '../../../src-shared';
import type { TrayState } from '../ports';

/** Whether the live socket of a session is up, coming, or absent (nobody signed in). */
export type LiveStatus = 'connecting' | 'up' | 'stopped';

const STATE_NAMES: Record<PresenceState, string> = {
  online: 'Online',
  away: 'Away',
  extended_away: 'Extended away',
  offline: 'Offline',
};

const REASON_NAMES: Record<PresenceReason, string | null> = {
  active: null,
  idle: 'idle',
  locked: 'screen locked',
  suspended: 'asleep',
  manual: 'set by you',
  signed_out: 'signed out',
  disconnected: 'disconnected',
  unanswered: 'a lead rang unanswered',
};

/** "Away: idle", "Online". */
export function describePresence({ state, reason }: Pick<Presence, 'state' | 'reason'>): string {
  const why = state === 'online' && reason === 'manual' ? null : REASON_NAMES[reason];
  return why ? `${STATE_NAMES[state]}: ${why}` : STATE_NAMES[state];
}

/** The tray's icon and tooltip (DESIGN §6): the presence, or "connecting" while the socket is down. */
export function trayFor(
  presence: Presence,
  live: LiveStatus,
): { state: TrayState; tooltip: string } {
  switch (live) {
    case 'up':
      return { state: presence.state, tooltip: describePresence(presence) };
    case 'connecting':
      return { state: 'connecting', tooltip: `Connecting… (${describePresence(presence)})` };
    case 'stopped':
      return { state: 'offline', tooltip: 'Offline: signed out' };
    default:
      return live satisfies never;
  }
}
