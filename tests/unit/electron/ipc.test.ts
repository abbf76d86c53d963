import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EVENT_NAMES, ok, type ApiResult } from '../../../src-shared';
import { registerConsoleIpc, type CoreForIpc } from '../../../src-main/electron/ipc';
import {
  isAppUrl,
  rendererUrl,
  resolveRendererLocation,
} from '../../../src-main/electron/renderer-location';
import { createSenderCheck } from '../../../src-main/electron/sender';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../../../src-preload/index';
import { FakeWebContents, ipcMain, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const location = resolveRendererLocation({
  isPackaged: true,
  devServerUrl: undefined,
  indexFile: '/app/out/renderer/index.html',
});
const APP = `${rendererUrl(location)}#/inbox`;

interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

function fakeCore() {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  return {
    call: vi.fn(async (_method: unknown, args: unknown): Promise<ApiResult<unknown>> =>
      ok({ echoed: args }),
    ),
    on: vi.fn((event: string, listener: (payload: unknown) => void) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    }),
    emit(event: string, payload: unknown) {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
    listenerCount: () => [...listeners.values()].reduce((sum, set) => sum + set.size, 0),
  };
}

let core: ReturnType<typeof fakeCore>;
let ours: FakeWebContents;

function setUp() {
  core = fakeCore();
  ours = new FakeWebContents();
  const senders = createSenderCheck((url) => isAppUrl(location, url));
  senders.trust(ours as unknown as WebContents);
  return registerConsoleIpc({
    ipcMain: ipcMain as unknown as IpcMain,
    core: core as unknown as CoreForIpc,
    isTrustedSender: senders.isTrustedSender,
  });
}

/** A `console:call` as Electron would deliver it. */
function invoke(
  sender: { contents?: FakeWebContents; frame?: FakeFrame | null },
  method: unknown,
  args: unknown,
): Promise<ApiResult<unknown>> {
  const handler = ipcMain.handlers.get(CALL_CHANNEL) as (
    event: IpcMainInvokeEvent,
    ...args: unknown[]
  ) => Promise<ApiResult<unknown>>;
  const frame = sender.frame === undefined ? { url: APP, parent: null } : sender.frame;
  const event = { sender: sender.contents ?? ours, senderFrame: frame };
  return handler(event as unknown as IpcMainInvokeEvent, method, args);
}

beforeEach(() => {
  resetFakeElectron();
  setUp();
});

describe('console:call', () => {
  it('uses the same channels as the preload', async () => {
    const main = await import('../../../src-main/electron/ipc');
    expect([main.CALL_CHANNEL, main.EVENT_CHANNEL]).toEqual([CALL_CHANNEL, EVENT_CHANNEL]);
  });

  it('answers our page with what the core answered, arguments validated', async () => {
    const result = await invoke({}, 'getLead', { leadId: 'lead-1' });
    expect(result).toEqual({ ok: true, value: { echoed: { leadId: 'lead-1' } } });
    expect(core.call).toHaveBeenCalledWith('getLead', { leadId: 'lead-1' });
  });

  it('refuses senders that are not our page, without asking the core', async () => {
    const top = { url: APP, parent: null };
    const untrusted = [
      { frame: { url: 'https://evil.example/', parent: null } },
      { frame: { url: 'file:///tmp/evil.html', parent: null } },
      { frame: { url: 'file:///app/out/renderer/index.html.evil', parent: null } },
      { frame: { url: APP, parent: top } },
      { frame: null },
      { contents: new FakeWebContents() },
    ];
    for (const sender of untrusted) {
      expect(await invoke(sender, 'getDirectory', {})).toEqual({
        ok: false,
        error: { code: 'internal', message: 'untrusted sender' },
      });
    }
    expect(core.call).not.toHaveBeenCalled();
  });

  it('refuses wrong arguments with an error naming the field, without asking the core', async () => {
    const result = await invoke({}, 'getLead', { leadId: 42 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_arguments');
    expect(result.error.message).toMatch(/getLead: leadId/);

    const extra = await invoke({}, 'getDirectory', { sneaky: true });
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
    expect(core.call).not.toHaveBeenCalled();
  });

  it('refuses a method the contract does not have', async () => {
    expect(await invoke({}, 'constructor', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_method' },
    });
    expect(await invoke({}, { toString: () => 'x' }, {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_method' },
    });
    expect(core.call).not.toHaveBeenCalled();
  });

  it('turns a core that throws into an internal error result', async () => {
    core.call.mockRejectedValueOnce(new Error('boom'));
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await invoke({}, 'getDirectory', {})).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });
});

describe('console:event', () => {
  it('carries every core event to the page as {event, payload}', () => {
    const ipc = setUp();
    ipc.forwardEventsTo(ours as unknown as WebContents);
    expect(core.on.mock.calls.map(([name]) => name)).toEqual([...EVENT_NAMES]);
    core.emit('replicaChanged', { tables: ['leads'] });
    expect(ours.sent).toEqual([
      {
        channel: EVENT_CHANNEL,
        message: { event: 'replicaChanged', payload: { tables: ['leads'] } },
      },
    ]);
  });

  it('stops listening to the core when the page is destroyed', () => {
    const ipc = setUp();
    ipc.forwardEventsTo(ours as unknown as WebContents);
    expect(core.listenerCount()).toBe(EVENT_NAMES.length);
    ours.destroy();
    expect(core.listenerCount()).toBe(0);
    core.emit('replicaChanged', { tables: ['leads'] });
    expect(ours.sent).toEqual([]);
  });

  it('removes the call handler on dispose', () => {
    setUp().dispose();
    expect(ipcMain.handlers.has(CALL_CHANNEL)).toBe(false);
  });
});
