import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Lead } from '../../../src-shared/domain/lead';
import type { SyncChange } from '../../../src-shared/sync/changes';
import { DEMO_PASSWORD, DEMO_TENANT, DEMO_USERS } from '../../../src-shared/demo';
import { writeInTenant } from '../../../src-cloud/sync/tenant-write';
import { Api } from './harness/api';
import { seedTenant, type SeededTenant } from './harness/seed';
import { BACKENDS, startTestCloud, type TestCloud } from './harness/test-cloud';

const upserted = (changes: SyncChange[], table: string) =>
  changes
    .filter((c) => c.table === table && c.op === 'upsert')
    .map((c) => (c as { row: { id: string } }).row);

describe.each(BACKENDS)('sync on $backend', ({ backend, skip }) => {
  let cloud: TestCloud;
  let acme: SeededTenant;

  beforeAll(async () => {
    if (skip) return;
    cloud = await startTestCloud(backend, { demo: true, demoLeads: 25 });
    acme = await seedTenant(cloud.db, 'Acme');
  });
  afterAll(async () => cloud?.stop());

  test.skipIf(skip)(
    'an agent signs in, pulls their stores, and a change reaches their live socket',
    async () => {
      const agent = await new Api(cloud.url).login(acme.agent.email, acme.agent.password);
      const first = await agent.pullAll();
      const leadIds = upserted(first.changes, 'leads').map((row) => row.id);
      expect(leadIds).toContain(acme.leads.open.id);
      expect(leadIds).not.toContain(acme.leads.otherStore.id); // store 1 is not theirs
      expect(upserted(first.changes, 'users').length).toBe(4);

      const live = await agent.live();
      await live.poke(first.cursor); // the first poke on connect says where the cloud is

      const manager = await new Api(cloud.url).login(acme.manager.email, acme.manager.password);
      const noteId = uuidv7();
      const { result } = await manager.mutate('addNote', {
        leadId: acme.leads.open.id,
        noteId,
        text: 'Call back at 5',
      });
      expect(result).toEqual({ id: expect.any(String), status: 'ok' });

      await live.poke(first.cursor + 1);
      const next = await agent.pullAll(first.cursor);
      const note = upserted(next.changes, 'timeline_events').find((row) => row.id === noteId);
      expect(note).toMatchObject({
        kind: 'note',
        text: 'Call back at 5',
        actorUserId: acme.manager.user.id,
      });
      const lead = upserted(next.changes, 'leads').find(
        (row) => row.id === acme.leads.open.id,
      ) as Lead;
      expect(lead.notesExcerpt).toBe('Call back at 5');
      live.close();
    },
  );

  test.skipIf(skip)(
    'a pull pages through everything in version order and is idempotent',
    async () => {
      const manager = await new Api(cloud.url).login(acme.manager.email, acme.manager.password);
      const all = await manager.pullAll();
      const pages: SyncChange[] = [];
      let cursor = 0;
      for (let more = true; more;) {
        const page = await manager.get(`/v1/sync?since=${cursor}&limit=3`);
        expect(page.status).toBe(200);
        expect(page.body.changes.length).toBeLessThanOrEqual(3);
        pages.push(...page.body.changes);
        ({ cursor, more } = page.body);
      }
      expect(pages).toEqual(all.changes);
      expect(cursor).toBe(all.version);
      const again = await manager.get(`/v1/sync?since=${cursor}`);
      expect(again.body).toEqual({ changes: [], cursor, more: false, version: cursor });
    },
  );

  test.skipIf(skip)('a cursor from another database is refused with what to do', async () => {
    const agent = await new Api(cloud.url).login(acme.agent.email, acme.agent.password);
    const answer = await agent.get('/v1/sync?since=999999999');
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe('cursor_ahead');
    expect(answer.body.error.message).toMatch(/from 0/);
  });

  test.skipIf(skip)(
    'a lead moving store takes its thread along: one store drops it, the other gets it all',
    async () => {
      const agent = await new Api(cloud.url).login(acme.agent.email, acme.agent.password); // store 0
      const other = await new Api(cloud.url).login(acme.otherAgent.email, acme.otherAgent.password); // store 1
      const lead = acme.leads.open;
      await agent.mutate('addNote', { leadId: lead.id, noteId: uuidv7(), text: 'before the move' });
      const [mine, theirs] = [await agent.pullAll(), await other.pullAll()];
      expect(upserted(theirs.changes, 'leads').map((row) => row.id)).not.toContain(lead.id);

      await writeInTenant(cloud.db, acme.tenantId, async (tx, write) => {
        const [current] = await tx.query<{ row: Lead }>('SELECT row FROM leads WHERE id = $1', [
          lead.id,
        ]);
        await write.update('leads', { ...(current?.row as Lead), storeId: acme.stores[1].id });
      });

      const dropped = (await agent.pullAll(mine.cursor)).changes;
      const threadIds = [lead.id, acme.appointment.id];
      for (const id of threadIds)
        expect(dropped).toContainEqual({ table: expect.any(String), op: 'delete', id });
      expect(dropped.filter((c) => c.op === 'upsert')).toEqual([]);

      const arrived = (await other.pullAll(theirs.cursor)).changes;
      expect(upserted(arrived, 'leads').map((row) => row.id)).toContain(lead.id);
      expect(upserted(arrived, 'appointments').map((row) => row.id)).toContain(acme.appointment.id);
      expect(upserted(arrived, 'timeline_events').length).toBeGreaterThan(0);
    },
  );

  test.skipIf(skip)(
    'the demo dealer group signs in with the demo password in demo mode',
    async () => {
      expect(DEMO_USERS.map((u) => u.email)).toContain('agent1@demo.test');
      const admin = await new Api(cloud.url).login('admin@demo.test', DEMO_PASSWORD);
      const all = await admin.pullAll();
      expect(upserted(all.changes, 'tenants')).toEqual([DEMO_TENANT]);
      expect(upserted(all.changes, 'leads')).toHaveLength(25);
      expect(upserted(all.changes, 'messages').length).toBeGreaterThan(25);
      const agent = await new Api(cloud.url).login('agent1@demo.test', DEMO_PASSWORD);
      const agentLeads = upserted((await agent.pullAll()).changes, 'leads') as Lead[];
      expect(new Set(agentLeads.map((l) => l.storeId)).size).toBe(1);
    },
  );
});
