import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Lead } from '../../../src-shared/domain/lead';
import type { SyncChange } from '../../../src-shared/sync/changes';
import { Api } from './harness/api';
import { seedTenant, type SeededTenant } from './harness/seed';
import { BACKENDS, startTestCloud, type TestCloud } from './harness/test-cloud';

const upserted = (changes: SyncChange[], table: string) =>
  changes.filter((c) => c.table === table && c.op === 'upsert').map((c) => (c as { row: { id: string } }).row);

describe.each(BACKENDS)('sync on $backend', ({ backend, skip }) => {
  let cloud: TestCloud;
  let acme: SeededTenant;

  beforeAll(async () => {
    if (skip) return;
    cloud = await startTestCloud(backend);
    acme = await seedTenant(cloud.db, 'Acme');
  });
  afterAll(async () => cloud?.stop());

  test.skipIf(skip)('an agent signs in, pulls their stores, and a change reaches their live socket', async () => {
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
    const { result } = await manager.mutate('addNote', { leadId: acme.leads.open.id, noteId, text: 'Call back at 5' });
    expect(result).toEqual({ id: expect.any(String), status: 'ok' });

    await live.poke(first.cursor + 1);
    const next = await agent.pullAll(first.cursor);
    const note = upserted(next.changes, 'timeline_events').find((row) => row.id === noteId);
    expect(note).toMatchObject({ kind: 'note', text: 'Call back at 5', actorUserId: acme.manager.user.id });
    const lead = upserted(next.changes, 'leads').find((row) => row.id === acme.leads.open.id) as Lead;
    expect(lead.notesExcerpt).toBe('Call back at 5');
    live.close();
  });

  test.skipIf(skip)('a pull pages through everything in version order and is idempotent', async () => {
    const manager = await new Api(cloud.url).login(acme.manager.email, acme.manager.password);
    const all = await manager.pullAll();
    const pages: SyncChange[] = [];
    let cursor = 0;
    for (let more = true; more; ) {
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
  });

  test.skipIf(skip)('a cursor from another database is refused with what to do', async () => {
    const agent = await new Api(cloud.url).login(acme.agent.email, acme.agent.password);
    const answer = await agent.get('/v1/sync?since=999999999');
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe('cursor_ahead');
    expect(answer.body.error.message).toMatch(/from 0/);
  });
});
