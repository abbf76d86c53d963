import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NO_FILTERS, type QueueFilters } from '../../../src-shared';
import { openReplica } from '../../../src-main/replica/open';
import { coreWorld, recordEvents, type CoreWorld } from './core-fixture';

let world: CoreWorld;
beforeEach(() => {
  world = coreWorld();
});
afterEach(() => world.cleanup());

describe('every ConsoleApi call is checked against the contract', () => {
  it('refuses wrong arguments with an error that names the field', async () => {
    const core = world.open();
    const result = await core.call('getThread', { leadId: 'lead-1', before: null, limit: 'x' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_arguments');
    expect(result.error.message).toContain('limit');
  });

  it('refuses an argument the contract does not know', async () => {
    const core = world.open();
    const result = await core.call('getReplicaHealth', { everything: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
  });

  it('answers an unknown method with unknown_method and never throws on odd input', async () => {
    const core = world.open();
    expect(await core.call('dropAllTables', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_method', message: expect.stringContaining('dropAllTables') },
    });
    for (const [method, args] of [
      [undefined, undefined],
      [42, null],
      ['toString', {}],
      ['__proto__', {}],
      ['getLead', 'lead-1'],
    ] as const) {
      const result = await core.call(method, args);
      expect(result.ok).toBe(false);
    }
  });

  it('answers not_signed_in for the directory while nobody is signed in', async () => {
    const core = world.open();
    expect(await core.call('getDirectory', {})).toMatchObject({
      ok: false,
      error: { code: 'not_signed_in' },
    });
  });

  it('answers not_found for a lead that is not in the replica', async () => {
    const core = world.open();
    expect(await core.call('getLead', { leadId: 'no-such-lead' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('answers internal, not a crash, once closed', async () => {
    const core = world.open();
    core.close();
    expect(await core.call('getReplicaHealth', {})).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });
});

describe('saved filters', () => {
  it('come back as saved, wait in the outbox for the cloud, and tell views to refresh', async () => {
    const core = world.open();
    const changed = recordEvents(core, 'replicaChanged');
    const filters: QueueFilters = { ...NO_FILTERS, sources: ['Text', 'Chat'] };

    expect(await core.call('saveFilters', { filters })).toEqual({ ok: true, value: filters });
    expect(await core.call('getSavedFilters', {})).toEqual({ ok: true, value: filters });
    expect(changed).toEqual([{ tables: expect.arrayContaining(['saved_filters']) }]);

    core.close();
    const opened = openReplica(world.replicaFile);
    if (!opened.ok) throw new Error(opened.health.message);
    try {
      expect(opened.replica.pendingMutations()).toMatchObject([
        { name: 'saveFilters', args: { filters } },
      ]);
    } finally {
      opened.replica.close();
    }
  });

  it('stops listening after unsubscribe', async () => {
    const core = world.open();
    const seen: unknown[] = [];
    const off = core.on('replicaChanged', (payload) => seen.push(payload));
    off();
    await core.call('saveFilters', { filters: NO_FILTERS });
    expect(seen).toEqual([]);
  });

  it('keeps answering when a listener throws', async () => {
    const core = world.open();
    core.on('replicaChanged', () => {
      throw new Error('listener bug');
    });
    expect((await core.call('saveFilters', { filters: NO_FILTERS })).ok).toBe(true);
    expect(world.logs.some((entry) => entry.what.includes('replicaChanged listener'))).toBe(true);
  });
});
