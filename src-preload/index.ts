import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  createConsoleClient,
  fail,
  type ApiResult,
  type ConsoleTransport,
} from '../src-shared/console-api';

/** Must match CALL_CHANNEL and EVENT_CHANNEL in src-main/electron/ipc.ts (a test pins both). */
export const CALL_CHANNEL = 'console:call';
export const EVENT_CHANNEL = 'console:event';

interface EventMessage {
  event: string;
  payload: unknown;
}

function isEventMessage(message: unknown): message is EventMessage {
  return typeof message === 'object' && message !== null && 'event' in message;
}

/** The ConsoleApi over Electron IPC; the renderer never sees ipcRenderer itself. */
export const ipcTransport: ConsoleTransport = {
  call(method, args) {
    return (ipcRenderer.invoke(CALL_CHANNEL, method, args) as Promise<ApiResult<unknown>>).catch(
      () => fail('internal', `${method}: the desktop core did not answer`),
    );
  },

  on(event, listener) {
    const relay = (_event: IpcRendererEvent, message: unknown) => {
      if (isEventMessage(message) && message.event === event) listener(message.payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, relay);
    };
  },
};

contextBridge.exposeInMainWorld('showroom', createConsoleClient(ipcTransport));
