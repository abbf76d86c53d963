import { readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NO_FILTERS, type ApiResult } from '../../../src-shared';
import { RESET_ACTION } from '../../../src-main/core';
import { openReplica } from '../../../src-main/replica/open';
import {
  coreWorld,
  damageTable,
  deepLeaves,
  recordEvents,
  SMALL_DEMO,
  type CoreWorld,
} from './core-fixture';

let world: CoreWorld;
beforeEach(() => {
  world = coreWorld();
});
afterEach(() => world.cleanup());

const DATA_CALLS: [string, unknown][] = [
  ['getDirectory', {}],
  ['getFolderCounts', { filters: NO_FILTERS }],
  ['getSavedFilters', {}],
  ['saveFilters', { filters: NO_FILTERS }],
  ['getLead', { leadId: 'lead-1' }],
];

function errorOf(result: ApiResult<unknown>) {
  if (result.ok) throw new Error('expected a failure');
  return result.error;
}

describe('a damaged replica', () => {
  it('is reported, and every data call offers the reset instead of crashing', async () => {
    writeFileSync(world.replicaFile, 'not a database\n'.repeat(500));
    const core = world.open();

    const health = await core.call('getReplicaHealth', {});
    expect(health).toMatchObject({ ok: true, value: { state: 'corrupt', pendingMutations: 0 } });
    for (const [method, args] of DATA_CALLS) {
      const error = errorOf(await core.call(method, args));
      expect(error.code).toBe('replica_corrupt');
      expect(error.message).toContain(RESET_ACTION);
    }
  });

  it('found by a query flips the health to corrupt and tells the renderer', async () => {
    world.open(SMALL_DEMO).close();
    damageTable(world.replicaFile, 'leads', deepLeaves);
    const core = world.open();
    const healthEvents = recordEvents(core, 'replicaHealth');
    expect(await core.call('getReplicaHealth', {})).toEqual({ ok: true, value: { state: 'ok' } });

    const query = {
      folder: 'inbox',
      filters: NO_FILTERS,
      search: '',
      sort: 'newest',
      after: null,
      limit: 200,
    };
    const error = errorOf(await core.call('getQueuePage', query));
    expect(error.code).toBe('replica_corrupt');
    expect(error.message).toContain(RESET_ACTION);
    expect(healthEvents).toEqual([expect.objectContaining({ state: 'corrupt' })]);
    // From now on the core does not touch the damaged file: even undamaged views say so.
    expect(errorOf(await core.call('getFolderCounts', { filters: NO_FILTERS })).code).toBe(
      'replica_corrupt',
    );
    expect(world.logs).toContainEqual(
      expect.objectContaining({ level: 'error', what: 'replica corrupt during getQueuePage' }),
    );
  });

  it('is reset on request: unsent changes are kept and the app works again', async () => {
    let core = world.open(SMALL_DEMO);
    const first = { ...NO_FILTERS, sources: ['Text' as const] };
    const second = { ...NO_FILTERS, sources: ['Email' as const] };
    await core.call('saveFilters', { filters: first });
    await core.call('saveFilters', { filters: second });
    core.close();
    damageTable(world.replicaFile, 'saved_filters', (pages) => pages);

    core = world.open(SMALL_DEMO);
    expect(await core.call('getReplicaHealth', {})).toMatchObject({
      ok: true,
      value: {
        state: 'corrupt',
        pendingMutations: 2,
        message: expect.stringContaining('2 unsent'),
      },
    });
    const healthEvents = recordEvents(core, 'replicaHealth');
    const changedEvents = recordEvents(core, 'replicaChanged');

    expect(await core.call('resetLocalCache', {})).toEqual({ ok: true, value: { state: 'ok' } });
    expect(healthEvents).toEqual([{ state: 'ok' }]);
    expect(changedEvents).toEqual([{ tables: expect.arrayContaining(['leads']) }]);
    const directory = await core.call('getDirectory', {});
    expect(directory).toMatchObject({ ok: true, value: { me: { email: 'agent1@demo.test' } } });

    core.close();
    const opened = openReplica(world.replicaFile);
    if (!opened.ok) throw new Error(opened.health.message);
    try {
      expect(opened.replica.pendingMutations().map((entry) => entry.args)).toEqual([
        { filters: first },
        { filters: second },
      ]);
    } finally {
      opened.replica.close();
    }
  });
});

describe('a replica written by a newer Showroom', () => {
  it('is refused untouched, with replica_newer_version on data calls', async () => {
    world.open().close();
    const db = new Database(world.replicaFile);
    db.pragma('user_version = 9999');
    db.close();
    const before = readFileSync(world.replicaFile);

    const core = world.open();
    expect(await core.call('getReplicaHealth', {})).toMatchObject({
      ok: true,
      value: { state: 'newer_version' },
    });
    const error = errorOf(await core.call('getFolderCounts', { filters: NO_FILTERS }));
    expect(error.code).toBe('replica_newer_version');
    expect(error.message).toContain(RESET_ACTION);
    core.close();
    expect(readFileSync(world.replicaFile).equals(before)).toBe(true);
  });
});
