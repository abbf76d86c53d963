import { describe, expect, it } from 'vitest';
import {
  PRESENCE_REASONS,
  PRESENCE_STATES,
  type PresenceReason,
  type PresenceState,
} from '../../../src-shared/presence/presence';
import { describePresence } from '../../../src-renderer/presence/describe-presence';

describe('a presence in words (header, Agents panel)', () => {
  it.each<[PresenceState, PresenceReason, string]>([
    ['online', 'active', 'Online'],
    ['online', 'manual', 'Online'],
    ['away', 'idle', 'Away: idle'],
    ['away', 'locked', 'Away: screen locked'],
    ['away', 'suspended', 'Away: computer asleep'],
    ['away', 'unanswered', 'Away: a lead rang unanswered'],
    ['away', 'manual', 'Away'],
    ['extended_away', 'idle', 'Extended away'],
    ['offline', 'manual', 'Offline'],
    ['offline', 'signed_out', 'Offline: signed out'],
    ['offline', 'disconnected', 'Offline: disconnected'],
  ])('%s because %s reads "%s"', (state, reason, label) => {
    expect(describePresence({ state, reason })).toEqual({ state, label });
  });

  it('someone the cloud has heard nothing from reads as Offline', () => {
    expect(describePresence(null)).toEqual({ state: 'offline', label: 'Offline' });
  });

  it('every state and reason has words that start with the state', () => {
    const starts: Record<PresenceState, string> = {
      online: 'Online',
      away: 'Away',
      extended_away: 'Extended away',
      offline: 'Offline',
    };
    for (const state of PRESENCE_STATES)
      for (const reason of PRESENCE_REASONS) {
        const words = describePresence({ state, reason });
        expect(words.state).toBe(state);
        expect(words.label.startsWith(starts[state])).toBe(true);
      }
  });
});
