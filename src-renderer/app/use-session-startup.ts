import { useEffect } from 'react';
import { consoleApi } from '../api/console-api';
import { useNotices } from '../notices/notice-store';
import { useSession } from '../session/session-store';
import { useSettings } from '../settings/settings-store';
import { useScreen } from './screen-store';

/**
 * Asks the core who is signed in, once, and follows every change of the connection. What
 * belongs to this PC rather than to an agent (its settings, the tray asking for a screen, a
 * notice) is followed here too, signed in or not.
 */
export function useSessionStartup(): void {
  useEffect(() => {
    const api = consoleApi();
    const unsubscribe = [
      api.on('connectionChanged', (connection) =>
        useSession.getState().connectionChanged(connection),
      ),
      api.on('settingsChanged', (settings) => useSettings.getState().set(settings)),
      api.on('showScreen', ({ screen }) => useScreen.getState().show(screen)),
      api.on('notice', (notice) => useNotices.getState().add(notice)),
    ];
    void useSession.getState().start();
    void useSettings.getState().load();
    return () => unsubscribe.forEach((stop) => stop());
  }, []);
}
