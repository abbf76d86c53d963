/**
 * Pulls of one tenant from the same version share one tenant-wide query (SharedPulls), and each
 * caller gets exactly what `pull()` (PostgreSQL filtering for that caller) would answer. On
 * PGlite and PostgreSQL. Queries are counted through a wrapping Queryable, never timed.
 */
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seesEveryStore } from '../../../src-cloud/accounts/auth-context';
import type { Queryable } from '../../../src-cloud/db/db';
import {
  CursorAheadError,
  pull,
  pullResponseJson,
  type PullPage,
} from '../../../src-cloud/sync/pull';
import { SharedPulls, type Caller } from '../../../src-cloud/sync/shared-pulls';
import { readTail } from '../../../src-cloud/sync/tail-pull';
import { writeInTenant } from '../../../src-cloud/sync/tenant-write';
import { MAY_SEE, SAW_BEFORE } from '../../../src-cloud/sync/visibility';
import type { Lead } from '../../../src-shared/domain/lead';
import type { SyncChange } from '../../../src-shared/sync/changes';
import type { PullResponse } from '../../../src-shared/sync/protocol';
import { SIGHT_CASES } from '../../unit/cloud/pull-visibility-cases';
import { makeLead, seedTenant, type SeededTenant } from './harness/seed';
import { BACKENDS, startTestCloud, type TestCloud } from './harness/test-cloud';

/** The database as SharedPulls sees it: counts the queries; can hold or fail the next one. */
class WatchedDb implements Queryable {
  queries = 0;
  private next: { hold?: Promise<void>; fail?: Error; onAnswered?: () => void } = {};

  constructor(private readonly db: Queryable) {}

  /**
   * The next query runs at once (its snapshot is taken) but its answer is held until the
   * returned `release`; `answered` resolves once the database has answered it.
   */
  holdNext(fail?: Error): { answered: Promise<void>; release: () => void } {
    let release = () => {};
    const hold = new Promise<void>((resolve) => (release = resolve));
    const answered = new Promise<void>(
      (resolve) => (this.next = { hold, fail, onAnswered: resolve }),
    );
    return { answered, release };
  }

  async query<T>(sql: string, params?: readonly unknown[]): Promise<T[]> {
    this.queries += 1;
    const { hold, fail, onAnswered } = this.next;
    this.next = {};
    const rows = await this.db.query<T>(sql, params);
    onAnswered?.();
    await hold;
    if (fail) throw fail;
    return rows;
  }

  exec(sql: string): Promise<void> {
    return this.db.exec(sql);
  }
}

const parsed = (page: PullPage) => JSON.parse(pullResponseJson(page)) as PullResponse;
const idsOf = (changes: SyncChange[], op: SyncChange['op']) =>
  changes
    .filter((c) => c.op === op)
    .map((c) => (c.op === 'upsert' ? (c.row as { id: string }).id : c.id));

describe.each(BACKENDS)('shared pulls on $backend', ({ backend, skip }) => {
  let cloud: TestCloud;
  let a: SeededTenant;
  let b: SeededTenant;
  let callers: Record<string, Caller>;
  let moved: Lead;
  let versionBeforeMove: number;
  let ownSettingId: string;

  const clockOf = async (tenantId: string) =>
    (
      await cloud.db.query<{ clock: number }>('SELECT clock FROM tenants WHERE id = $1', [tenantId])
    )[0]?.clock ?? 0;
  const callerOf = (t: SeededTenant, who: 'agent' | 'otherAgent' | 'manager' | 'admin') => ({
    tenantId: t.tenantId,
    userId: t[who].user.id,
    role: t[who].user.role,
    storeIds: t[who].user.storeIds,
  });
  /** What `pull()` answers `caller`, parsed: the reference every shared answer must equal. */
  const alone = async (caller: Caller, since: number, limit = 1000) =>
    parsed(await pull(cloud.db, caller, since, limit));

  beforeAll(async () => {
    if (skip) return;
    cloud = await startTestCloud(backend);
    a = await seedTenant(cloud.db, 'Acme');
    b = await seedTenant(cloud.db, 'Bravo');
    const [north, south] = a.stores;
    callers = {
      agentNorth: callerOf(a, 'agent'),
      agentSouth: callerOf(a, 'otherAgent'),
      agentOfBoth: {
        tenantId: a.tenantId,
        userId: uuidv7(),
        role: 'agent',
        storeIds: [north.id, south.id],
      },
      agentOfNone: { tenantId: a.tenantId, userId: uuidv7(), role: 'agent', storeIds: [] },
      manager: callerOf(a, 'manager'),
      admin: callerOf(a, 'admin'),
    };
    // Rows of a store, of no store, owned by one user; a lead that moves; deleted rows.
    ownSettingId = uuidv7();
    moved = a.leads.open; // with its appointment, which moves along
    await writeInTenant(cloud.db, a.tenantId, async (_tx, write) => {
      await write.insert('settings', {
        id: ownSettingId,
        tenantId: a.tenantId,
        scope: 'user',
        scopeId: a.agent.user.id,
        key: 'queue.sort',
        value: 'newest',
      });
      await write.insert('settings', {
        id: uuidv7(),
        tenantId: a.tenantId,
        scope: 'store',
        scopeId: south.id,
        key: 'greeting',
        value: 'Howdy',
      });
      await write.insert('labels', {
        id: uuidv7(),
        tenantId: a.tenantId,
        name: 'Hot',
        color: '#ff0000',
      });
    });
    versionBeforeMove = await clockOf(a.tenantId);
    await writeInTenant(cloud.db, a.tenantId, async (_tx, write) => {
      await write.update('leads', { ...moved, storeId: south.id });
    });
    const southLead = makeLead(a.tenantId, south.id, { firstName: 'Nora' });
    await writeInTenant(cloud.db, a.tenantId, async (_tx, write) => {
      await write.insert('leads', southLead);
      await write.update('leads', { ...southLead, storeId: north.id, firstName: 'Nora N.' });
      await write.remove('leads', a.leads.dead.id);
      await write.remove('labels', a.label.id);
      await write.remove('settings', ownSettingId);
    });
  });
  afterAll(async () => cloud?.stop());

  test.skipIf(skip)('the SQL rules answer every visibility case as sightOf does', async () => {
    const asFirst = (rule: string) =>
      rule.replaceAll('$4', '$1').replaceAll('$5', '$2').replaceAll('$6', '$3');
    for (const c of SIGHT_CASES) {
      const [answer] = await cloud.db.query<{ sight: string | null }>(
        `SELECT CASE WHEN NOT deleted AND ${asFirst(MAY_SEE)} THEN 'upsert'
                     WHEN (${asFirst(MAY_SEE)}) OR (${asFirst(SAW_BEFORE)}) THEN 'delete' END AS sight
         FROM (SELECT $4::boolean AS deleted, $5::text AS store_id, $6::text AS owner_user_id,
                      $7::text[] AS former_store_ids) AS r`,
        [
          c.caller.userId,
          seesEveryStore(c.caller),
          c.caller.storeIds,
          c.row.deleted,
          c.row.store_id,
          c.row.owner_user_id,
          c.row.former_store_ids,
        ],
      );
      expect(answer?.sight ?? null, c.name).toBe(c.expected);
    }
  });

  test.skipIf(skip)(
    'from every version, each caller gets exactly what pull() answers them, from one query',
    async () => {
      const clock = await clockOf(a.tenantId);
      const watched = new WatchedDb(cloud.db);
      const shared = new SharedPulls(watched);
      const seen = new Map<string, SyncChange[]>();
      for (let since = 0; since <= clock; since++) {
        const before = watched.queries;
        const names = Object.keys(callers);
        const answers = await Promise.all(
          names.map((name) => shared.pull(callers[name] as Caller, since, 1000)),
        );
        expect(watched.queries - before, `since ${since}`).toBe(1);
        for (const [i, name] of names.entries()) {
          const expected = await alone(callers[name] as Caller, since);
          expect(parsed(answers[i] as PullPage), `${name} since ${since}`).toEqual(expected);
          expect(expected).toMatchObject({ cursor: clock, more: false, version: clock });
          if (since === versionBeforeMove) seen.set(name, expected.changes);
        }
      }
      expect(shared.size).toBe(0);
      // The cases that make the comparison worth something, as pull() answers them.
      const changesOf = (name: string) => seen.get(name) ?? [];
      expect(idsOf(changesOf('agentNorth'), 'delete')).toEqual(
        expect.arrayContaining([moved.id, a.appointment.id, a.leads.dead.id, ownSettingId]),
      );
      expect(idsOf(changesOf('agentSouth'), 'upsert')).toEqual(
        expect.arrayContaining([moved.id, a.appointment.id]),
      );
      expect(idsOf(changesOf('agentSouth'), 'delete')).not.toContain(ownSettingId);
      expect(idsOf(changesOf('agentOfBoth'), 'upsert')).toContain(moved.id);
      expect(idsOf(changesOf('agentOfNone'), 'upsert')).not.toContain(moved.id);
      expect(idsOf(changesOf('agentOfNone'), 'delete')).toContain(a.label.id);
      expect(idsOf(changesOf('manager'), 'upsert')).toContain(moved.id);
      const fromStart = await alone(callers.agentNorth as Caller, 0);
      expect(idsOf(fromStart.changes, 'delete')).toContain(ownSettingId);
      expect(idsOf((await alone(callers.admin as Caller, 0)).changes, 'delete')).not.toContain(
        ownSettingId,
      );
    },
  );

  test.skipIf(skip)(
    'a pull arriving while a query runs is answered by the next one, which sees its version',
    async () => {
      const since = await clockOf(a.tenantId);
      const watched = new WatchedDb(cloud.db);
      const shared = new SharedPulls(watched);
      const held = watched.holdNext();
      const early = shared.pull(callers.agentNorth as Caller, since, 1000);
      await held.answered; // its snapshot is taken; its answer is held
      const lead = makeLead(a.tenantId, a.stores[0].id, { firstName: 'Late' });
      await writeInTenant(cloud.db, a.tenantId, (_tx, write) => write.insert('leads', lead));
      const late = [
        shared.pull(callers.manager as Caller, since, 1000),
        shared.pull(callers.agentNorth as Caller, since, 1000),
      ];
      await new Promise((resolve) => setImmediate(resolve));
      expect(watched.queries).toBe(1); // nobody joined the running query
      held.release();
      const earlyPage = parsed(await early);
      expect(earlyPage).toEqual({ changes: [], cursor: since, more: false, version: since });
      const latePages = (await Promise.all(late)).map(parsed);
      expect(watched.queries).toBe(2); // the two late callers shared the next
      for (const page of latePages) {
        expect(page.version).toBe(since + 1);
        expect(idsOf(page.changes, 'upsert')).toEqual([lead.id]);
      }
      expect(shared.size).toBe(0);
    },
  );

  test.skipIf(skip)('tenants never share a query, even from the same version', async () => {
    const watched = new WatchedDb(cloud.db);
    const shared = new SharedPulls(watched);
    const who: Caller[] = [
      callers.manager as Caller,
      callerOf(b, 'manager'),
      callers.agentNorth as Caller,
      callerOf(b, 'agent'),
    ];
    const answers = (await Promise.all(who.map((c) => shared.pull(c, 0, 1000)))).map(parsed);
    expect(watched.queries).toBe(2);
    for (const [i, caller] of who.entries()) expect(answers[i]).toEqual(await alone(caller, 0));
    const idsIn = (page: PullResponse | undefined) =>
      new Set([...idsOf(page?.changes ?? [], 'upsert'), ...idsOf(page?.changes ?? [], 'delete')]);
    const [aIds, bIds] = [idsIn(answers[0]), idsIn(answers[1])];
    expect(aIds).toContain(a.tenantId);
    expect(bIds).toContain(b.tenantId);
    expect([...aIds].filter((id) => bIds.has(id))).toEqual([]);
  });

  test.skipIf(skip)(
    'a tail longer than a page: each caller pages on its own, as today',
    async () => {
      const watched = new WatchedDb(cloud.db);
      const shared = new SharedPulls(watched);
      const limit = 3;
      const names = Object.keys(callers);
      let cursors = names.map(() => 0);
      let pagesWithMore = 0;
      for (let round = 0; cursors.some((c) => c >= 0); round++) {
        expect(round).toBeLessThan(100);
        const asking = names.filter((_, i) => (cursors[i] as number) >= 0);
        const before = watched.queries;
        const answers = await Promise.all(
          asking.map((name) =>
            shared.pull(callers[name] as Caller, cursors[names.indexOf(name)] as number, limit),
          ),
        );
        const sinces = new Set(asking.map((name) => cursors[names.indexOf(name)]));
        const next = [...cursors];
        for (const [i, name] of asking.entries()) {
          const k = names.indexOf(name);
          const expected = await alone(callers[name] as Caller, cursors[k] as number, limit);
          const page = parsed(answers[i] as PullPage);
          expect(page, `${name} from ${cursors[k]}`).toEqual(expected);
          if (page.more) pagesWithMore += 1;
          next[k] = page.more ? page.cursor : -1;
        }
        // One tail query per distinct since, plus one pull() per caller whose tail did not fit.
        expect(watched.queries - before).toBeGreaterThanOrEqual(sinces.size);
        expect(watched.queries - before).toBeLessThanOrEqual(sinces.size + asking.length);
        cursors = next;
      }
      expect(pagesWithMore).toBeGreaterThan(names.length);
      // Such a tail is read without rendering its rows: pull() renders each caller's page.
      const tail = await readTail(cloud.db, a.tenantId, 0, limit);
      expect(tail.rows).toHaveLength(limit + 1);
      expect(tail.rows.map((row) => row.upsert)).toEqual(tail.rows.map(() => null));
      const fitting = await readTail(cloud.db, a.tenantId, 0, 1000);
      expect(fitting.rows.filter((row) => row.upsert === null)).toEqual(
        fitting.rows.filter((row) => row.deleted),
      );
    },
  );

  test.skipIf(skip)(
    'a failed query fails its own batch only; a cursor ahead is refused as today',
    async () => {
      const since = await clockOf(a.tenantId);
      const watched = new WatchedDb(cloud.db);
      const shared = new SharedPulls(watched);
      const held = watched.holdNext(new Error('connection lost'));
      const failing = [
        shared.pull(callers.agentNorth as Caller, since, 1000),
        shared.pull(callers.admin as Caller, since, 1000),
      ].map((p) =>
        p.then(
          () => 'answered',
          (error: Error) => error.message,
        ),
      );
      await held.answered;
      const next = shared.pull(callers.manager as Caller, since, 1000);
      held.release();
      expect(await Promise.all(failing)).toEqual(['connection lost', 'connection lost']);
      expect(parsed(await next)).toEqual(await alone(callers.manager as Caller, since));
      await expect(shared.pull(callers.agentNorth as Caller, since + 5, 1000)).rejects.toThrow(
        CursorAheadError,
      );
      await expect(pull(cloud.db, callers.agentNorth as Caller, since + 5, 1000)).rejects.toThrow(
        `since=${since + 5} is ahead of this cloud's version ${since}`,
      );
      await expect(shared.pull(callers.agentNorth as Caller, since + 5, 1000)).rejects.toThrow(
        `since=${since + 5} is ahead of this cloud's version ${since}`,
      );
      expect(shared.size).toBe(0);
    },
  );
});
