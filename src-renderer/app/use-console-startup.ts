import { useEffect } from 'react';
import { consoleApi } from '../api/console-api';
import { useSidebar } from '../conversations/sidebar/sidebar-store';
import { useDirectory } from '../directory/directory-store';
import { useReplicaHealth } from '../notices/replica-health-store';
import { refreshConsole } from './refresh-console';

/** Loads what the shell needs once and keeps it live with the core's events. */
export function useConsoleStartup(): void {
  useEffect(() => {
    const api = consoleApi();
    const unsubscribe = [
      api.on('replicaChanged', () => void refreshConsole()),
      api.on('replicaHealth', (health) => useReplicaHealth.getState().set(health)),
    ];
    void useReplicaHealth.getState().load();
    void useDirectory.getState().load();
    void useSidebar.getState().restoreSavedFilters();
    return () => unsubscribe.forEach((stop) => stop());
  }, []);
}
