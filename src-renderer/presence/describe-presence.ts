import type { PresenceReason, PresenceState } from '../../src-shared/presence/presence';

export interface PresenceWords {
  state: PresenceState;
  /** "Away: idle": the state, and the reason when it tells the reader something. */
  label: string;
}

/** Why someone is away, as a person would say it; null where the bare state says enough. */
function awayBecause(reason: PresenceReason): string | null {
  switch (reason) {
    case 'idle':
      return 'idle';
    case 'locked':
      return 'screen locked';
    case 'suspended':
      return 'computer asleep';
    case 'unanswered':
      return 'a lead rang unanswered';
    case 'manual':
    case 'active':
    case 'signed_out':
    case 'disconnected':
      return null;
  }
}

function offlineBecause(reason: PresenceReason): string | null {
  switch (reason) {
    case 'signed_out':
      return 'signed out';
    case 'disconnected':
      return 'disconnected';
    case 'manual':
    case 'active':
    case 'idle':
    case 'locked':
    case 'suspended':
    case 'unanswered':
      return null;
  }
}

const withReason = (state: string, reason: string | null) =>
  reason ? `${state}: ${reason}` : state;

/**
 * A presence in words, for the header, the Agents panel and the tray's tooltip alike. Nobody
 * seen yet (no presence at all) reads as Offline: the cloud has heard nothing from them.
 */
export function describePresence(
  presence: { state: PresenceState; reason: PresenceReason } | null,
): PresenceWords {
  if (!presence) return { state: 'offline', label: 'Offline' };
  const { state, reason } = presence;
  switch (state) {
    case 'online':
      return { state, label: 'Online' };
    case 'away':
      return { state, label: withReason('Away', awayBecause(reason)) };
    case 'extended_away':
      return { state, label: 'Extended away' };
    case 'offline':
      return { state, label: withReason('Offline', offlineBecause(reason)) };
  }
}
