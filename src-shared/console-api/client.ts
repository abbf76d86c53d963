import type { ArgsOf, ConsoleEvents, EventName, MethodName, ResultOf } from './contract';
import { METHOD_NAMES } from './contract';
import type { ApiResult } from './result';

/** The API as the renderer sees it: one async method per contract entry, and `on`. */
export type ConsoleApi = {
  [M in MethodName]: (args: ArgsOf<M>) => Promise<ApiResult<ResultOf<M>>>;
} & {
  /** Subscribes to a core event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: ConsoleEvents[E]) => void): () => void;
};

/** How a client reaches the core: IPC in Electron's preload, a WebSocket in the browser host. */
export interface ConsoleTransport {
  call(method: MethodName, args: unknown): Promise<ApiResult<unknown>>;
  on(event: EventName, listener: (payload: unknown) => void): () => void;
}

export function createConsoleClient(transport: ConsoleTransport): ConsoleApi {
  const methods: Record<string, unknown> = Object.fromEntries(
    METHOD_NAMES.map((name) => [name, (args: unknown) => transport.call(name, args)]),
  );
  methods.on = (event: EventName, listener: (payload: unknown) => void) =>
    transport.on(event, listener);
  return methods as ConsoleApi;
}
