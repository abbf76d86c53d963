import { useEffect } from 'react';
import { consoleApi } from '../api/console-api';
import { useRejectedChanges } from '../changes/rejected-changes-store';
import { useSidebar } from '../conversations/sidebar/sidebar-store';
import { useDirectory } from '../directory/directory-store';
import { useReplicaHealth } from '../notices/replica-health-store';
import { forgetConsole } from './forget-console';
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
    ];
    void useReplicaHealth.getState().load();
    void useDirectory.getState().load();
    void useSidebar.getState().restoreSavedFilters();
    return () => {
      unsubscribe.forEach((stop) => stop());
      forgetConsole();
    };
  }, []);
}
