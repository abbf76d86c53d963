import { powerMonitor } from 'electron';
import type { IdleSource, PresenceSignal } from '../../core/ports';

/** DESIGN §6: idle seconds polled every 1-2 s. */
export const IDLE_POLL_MS = 1500;

const POWER_SIGNALS = ['lock-screen', 'unlock-screen', 'suspend', 'resume'] as const;

/** The OS's idle time and screen-lock / sleep events, as presence signals. */
export function createPowerMonitorIdleSource(pollMs = IDLE_POLL_MS): IdleSource {
  return {
    start(listener: (signal: PresenceSignal) => void) {
      const timer = setInterval(() => {
        listener({ kind: 'idle-seconds', seconds: powerMonitor.getSystemIdleTime() });
      }, pollMs);
      // Seen as a plain emitter: each of these events has the same `() => void` listener.
      const emitter: NodeJS.EventEmitter = powerMonitor;
      const relays = POWER_SIGNALS.map((kind) => {
        const relay = () => listener({ kind });
        emitter.on(kind, relay);
        return { kind, relay };
      });
      return () => {
        clearInterval(timer);
        for (const { kind, relay } of relays) emitter.removeListener(kind, relay);
      };
    },
  };
}
