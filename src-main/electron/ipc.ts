import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import {
  EVENT_NAMES,
  fail,
  validateCall,
  type ApiResult,
  type ConsoleEvents,
  type EventName,
} from '../../src-shared';

/** The two channels the preload uses; src-preload/index.ts repeats them (a test pins both). */
export const CALL_CHANNEL = 'console:call';
export const EVENT_CHANNEL = 'console:event';

/** What the IPC glue needs of the desktop core (src-main/core/console-core.ts). */
export interface CoreForIpc {
  call(method: unknown, args: unknown): Promise<ApiResult<unknown>>;
  on<E extends EventName>(event: E, listener: (payload: ConsoleEvents[E]) => void): () => void;
}

export interface ConsoleIpc {
  /** Sends every core event to this webContents until it is destroyed; returns the stop. */
  forwardEventsTo(webContents: WebContents): () => void;
  /** Removes the call handler (on quit). */
  dispose(): void;
}

/**
 * Answers `console:call` from trusted senders only, validating the arguments against the
 * ConsoleApi contract before the core sees them. Every reply is an ApiResult: a renderer
 * never gets a rejected promise from here.
 */
export function registerConsoleIpc(options: {
  ipcMain: IpcMain;
  core: CoreForIpc;
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean;
}): ConsoleIpc {
  const { ipcMain, core, isTrustedSender } = options;

  ipcMain.handle(
    CALL_CHANNEL,
    async (event, method: unknown, args: unknown): Promise<ApiResult<unknown>> => {
      if (!isTrustedSender(event)) return fail('internal', 'untrusted sender');
      const checked = validateCall(method, args);
      if (!checked.ok) return checked;
      try {
        return await core.call(checked.value.method, checked.value.args);
      } catch (error) {
        // The core promises never to throw; if it does anyway, the renderer still gets a result.
        console.error('[showroom ipc] the core threw:', error);
        return fail('internal', 'the call failed unexpectedly; the details are in the log');
      }
    },
  );

  return {
    forwardEventsTo(webContents) {
      const stops = EVENT_NAMES.map((name) =>
        core.on(name, (payload) => {
          if (!webContents.isDestroyed()) webContents.send(EVENT_CHANNEL, { event: name, payload });
        }),
      );
      const stop = () => stops.forEach((unsubscribe) => unsubscribe());
      webContents.once('destroyed', stop);
      return stop;
    },

    dispose() {
      ipcMain.removeHandler(CALL_CHANNEL);
    },
  };
}
