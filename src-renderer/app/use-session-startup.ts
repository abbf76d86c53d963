import { useEffect } from 'react';
import { consoleApi } from '../api/console-api';
import { useSession } from '../session/session-store';

/** Asks the core who is signed in, once, and follows every change of the connection. */
export function useSessionStartup(): void {
  useEffect(() => {
    const stop = consoleApi().on('connectionChanged', (connection) =>
      useSession.getState().connectionChanged(connection),
    );
    void useSession.getState().start();
    return stop;
  }, []);
}
