import { useEffect } from 'react';
import { startRinging, stopRinging } from './ring-tone';

/** Rings while `on` holds, and stops when it no longer does or the caller goes away. */
export function useRing(on: boolean): void {
  useEffect(() => {
    if (!on) return;
    startRinging();
    return stopRinging;
  }, [on]);
}
