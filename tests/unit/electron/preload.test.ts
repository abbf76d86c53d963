import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES, type ConsoleApi } from '../../../src-shared';
import { contextBridge, ipcRenderer, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

let api: ConsoleApi;

beforeAll(async () => {
  resetFakeElectron();
  await import('../../../src-preload/index');
  api = contextBridge.exposed.get('showroom') as ConsoleApi;
});

beforeEach(() => {
  ipcRenderer.invoke.mockReset();
  ipcRenderer.removeAllListeners();
});

describe('window.showroom', () => {
  it('is the only thing exposed, with exactly the contract methods and `on`', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['showroom']);
    expect(Object.keys(api).sort()).toEqual([...METHOD_NAMES, 'on'].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(Object.values(api)).not.toContain(ipcRenderer);
  });

  it('sends a call over console:call and hands back the core result', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { state: 'ok' } });
    await expect(api.getReplicaHealth({})).resolves.toEqual({ ok: true, value: { state: 'ok' } });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('console:call', 'getReplicaHealth', {});
  });

  it('answers with an error result, not a rejection, when main does not answer', async () => {
    ipcRenderer.invoke.mockRejectedValueOnce(new Error("No handler registered for 'console:call'"));
    await expect(api.getDirectory({})).resolves.toMatchObject({
      ok: false,
      error: { code: 'internal', message: expect.stringContaining('getDirectory') },
    });
  });

  it('delivers only the subscribed event, and `on` returns its unsubscribe', () => {
    const changed = vi.fn();
    const unsubscribe = api.on('replicaChanged', changed);
    expect(ipcRenderer.listenerCount('console:event')).toBe(1);

    ipcRenderer.emit('console:event', {}, { event: 'replicaHealth', payload: { state: 'ok' } });
    ipcRenderer.emit(
      'console:event',
      {},
      { event: 'replicaChanged', payload: { tables: ['leads'] } },
    );
    ipcRenderer.emit('console:event', {}, 'not an event message');
    expect(changed.mock.calls).toEqual([[{ tables: ['leads'] }]]);

    unsubscribe();
    expect(ipcRenderer.listenerCount('console:event')).toBe(0);
    ipcRenderer.emit('console:event', {}, { event: 'replicaChanged', payload: { tables: [] } });
    expect(changed).toHaveBeenCalledOnce();
  });
});
