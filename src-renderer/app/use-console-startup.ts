import { useEffect } from 'react';
import { consoleApi } from '../api/console-api';
import { useAgentsPresence } from '../agents/agents-store';
import { useRejectedChanges } from '../changes/rejected-changes-store';
import { useSidebar } from '../conversations/sidebar/sidebar-store';
import { useDirectory } from '../directory/directory-store';
import { useReplicaHealth } from '../notices/replica-health-store';
import { useOffers } from '../offers/offers-store';
import { usePresence } from '../presence/presence-store';
import { forgetConsole } from './forget-console';
import { openLeadInConsole } from './open-lead';
import { refreshConsole } from './refresh-console';

/**
 * Loads what the console needs once and keeps it live with the core's events; when the console
 * closes (sign out, switch user) it forgets what it showed, so the next agent starts clean.
 */
export function useConsoleStartup(): void {
  useEffect(() => {
    const api = consoleApi();
    const unsubscribe = [
      api.on('replicaChanged', () => void refreshConsole()),
      api.on('replicaHealth', (health) => useReplicaHealth.getState().set(health)),
      api.on('mutationRejected', (rejected) => useRejectedChanges.getState().add(rejected)),
      api.on('presenceChanged', (presence) => usePresence.getState().set(presence)),
      api.on('agentsPresenceChanged', (presences) => useAgentsPresence.getState().merge(presences)),
      api.on('offerRinging', (offer) => useOffers.getState().ringing(offer)),
      api.on('offerClosed', (closed) => useOffers.getState().closed(closed)),
      // After an accept of mine (this page, an alert window, the hotkey) and the oldest-awaiting
      // hotkey: the lead opens here.
      api.on('openLead', ({ leadId }) => openLeadInConsole(leadId)),
    ];
    void useReplicaHealth.getState().load();
    void useDirectory.getState().load();
    void useSidebar.getState().restoreSavedFilters();
    void usePresence.getState().load();
    void useOffers.getState().load();
    return () => {
      unsubscribe.forEach((stop) => stop());
      forgetConsole();
    };
  }, []);
}
