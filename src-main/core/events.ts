import type { ConsoleEvents, EventName } from '../../src-shared';

export type ConsoleListener<E extends EventName> = (payload: ConsoleEvents[E]) => void;

/** The core's outgoing events. A listener that throws is logged and never stops the others. */
export function createEventHub(onListenerError: (event: EventName, error: unknown) => void) {
  const listeners = new Map<EventName, Set<(payload: never) => void>>();

  return {
    on<E extends EventName>(event: E, listener: ConsoleListener<E>): () => void {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      const stored = listener as (payload: never) => void;
      set.add(stored);
      return () => {
        set.delete(stored);
      };
    },

    emit<E extends EventName>(event: E, payload: ConsoleEvents[E]): void {
      for (const listener of [...(listeners.get(event) ?? [])]) {
        try {
          (listener as ConsoleListener<E>)(payload);
        } catch (error) {
          onListenerError(event, error);
        }
      }
    },

    clear(): void {
      listeners.clear();
    },
  };
}

export type EventHub = ReturnType<typeof createEventHub>;
