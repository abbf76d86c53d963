import { useSyncExternalStore } from 'react';

/**
 * A shared ticker per rhythm for every live clock on screen, running only while something
 * shows it: one timer however many rows or alerts count.
 */
function ticker(tickMs: number): () => number {
  const listeners = new Set<() => void>();
  let now = Date.now();
  let timer: ReturnType<typeof setInterval> | null = null;

  const subscribe = (listener: () => void): (() => void) => {
    listeners.add(listener);
    if (!timer) {
      now = Date.now();
      timer = setInterval(() => {
        now = Date.now();
        listeners.forEach((l) => l());
      }, tickMs);
    }
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && timer) {
        clearInterval(timer);
        timer = null;
      }
    };
  };
  const read = () => now;
  return function useTicker() {
    return useSyncExternalStore(subscribe, read);
  };
}

/** For "waiting 2h 5m": minutes matter, so a quarter-minute tick is plenty. */
export const useNow = ticker(15_000);

/** For a countdown in seconds (a ringing lead's). */
export const useNowEverySecond = ticker(1_000);
