import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadChanges } from '../../../src-cloud/sync/load-changes';
import { lockTenant } from '../../../src-cloud/sync/tenant-write';
import type { Funnel } from '../../../src-shared/domain/catalog';
import type { Message } from '../../../src-shared/domain/conversation';
import type { Lead } from '../../../src-shared/domain/lead';
import { Api } from './harness/api';
import { rowOf, timelineOf } from './harness/rows';
import { insertLead, seedTenant, type SeededTenant } from './harness/seed';
import { BACKENDS, startTestCloud, type TestCloud } from './harness/test-cloud';

const MINUTE = 60_000;

/** Issue 5 item 6: Assign Funnel schedules its steps; a reply from the customer pauses them. */
describe.each(BACKENDS)('funnels on $backend', ({ backend, skip }) => {
  let cloud: TestCloud;
  let acme: SeededTenant;
  let agent: Api;
  let manager: Api;
  let followUp: Funnel;
  let southOnly: Funnel;

  const newLead = (changes: Partial<Lead> = {}) =>
    insertLead(cloud.db, acme.tenantId, acme.stores[0].id, {
      phones: [
        {
          number: `+1303555${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}`,
          type: 'mobile',
        },
      ],
      ...changes,
    });
  const scheduledOf = async (leadId: string) =>
    (
      await cloud.db.query<{ row: Message }>(
        `SELECT row FROM messages WHERE lead_id = $1 AND NOT deleted ORDER BY row ->> 'scheduledAt'`,
        [leadId],
      )
    ).map((r) => r.row);
  const assign = (api: Api, lead: Lead, funnel: Funnel, bodies = funnel.steps.map((s) => s.body)) =>
    api.mutate('assignFunnel', {
      leadId: lead.id,
      funnelId: funnel.id,
      steps: bodies.map((body) => ({ messageId: uuidv7(), body })),
    });

  beforeAll(async () => {
    if (skip) return;
    cloud = await startTestCloud(backend);
    acme = await seedTenant(cloud.db, 'Acme');
    const funnel = (name: string, storeId: string | null, delays: number[]): Funnel => ({
      id: uuidv7(),
      tenantId: acme.tenantId,
      storeId,
      name,
      steps: delays.map((delayMinutes, i) => ({ delayMinutes, body: `Step ${i + 1} of ${name}` })),
    });
    followUp = funnel('New lead follow-up', null, [0, 120, 3 * 1440]);
    southOnly = funnel('South service', acme.stores[1].id, [60]);
    await cloud.db.transaction(async (tx) => {
      await lockTenant(tx, acme.tenantId);
      await loadChanges(
        tx,
        acme.tenantId,
        [followUp, southOnly].map((row) => ({
          table: 'funnels' as const,
          op: 'upsert' as const,
          row,
        })),
      );
    });
    agent = await new Api(cloud.url).login(acme.agent.email, acme.agent.password);
    manager = await new Api(cloud.url).login(acme.manager.email, acme.manager.password);
  });
  afterAll(async () => cloud?.stop());

  test.skipIf(skip)(
    'every step is scheduled at its delay after the assignment, with the bodies the desk rendered',
    async () => {
      const lead = await newLead({ firstName: 'Fiona' });
      const before = Date.now();
      const bodies = ['Hi Fiona, thanks!', 'Any questions, Fiona?', 'Still shopping, Fiona?'];
      expect((await assign(agent, lead, followUp, bodies)).result?.status).toBe('ok');
      const after = Date.now();
      const steps = await scheduledOf(lead.id);
      expect(steps.map((m) => [m.body, m.status, m.funnelId, m.direction])).toEqual(
        bodies.map((body) => [body, 'scheduled', followUp.id, 'out']),
      );
      followUp.steps.forEach((step, i) => {
        expect(steps[i]!.scheduledAt).toBeGreaterThanOrEqual(before + step.delayMinutes * MINUTE);
        expect(steps[i]!.scheduledAt).toBeLessThanOrEqual(after + step.delayMinutes * MINUTE);
      });
      const conversation = await rowOf(cloud.db, 'conversations', steps[0]!.conversationId);
      expect(conversation?.channel).toBe('sms');
      const events = (await timelineOf(cloud.db, lead.id)).filter((e) => e.kind === 'funnel');
      expect(events.map((e) => e.text)).toEqual([
        `Funnel "New lead follow-up" assigned by ${acme.agent.user.name}: 3 texts scheduled`,
      ]);
    },
  );

  test.skipIf(skip)(
    'a reply from the customer pauses the steps still to come, and the thread says so',
    async () => {
      const lead = await newLead({ firstName: 'Gil' });
      await assign(agent, lead, followUp);
      const reply = await manager.post('/v1/inbound', {
        storeId: acme.stores[0].id,
        channel: 'sms',
        from: { phone: lead.phones[0]!.number, email: null, firstName: null, lastName: null },
        body: 'Yes, can you call me?',
      });
      expect(reply.status).toBe(200);
      const left = await scheduledOf(lead.id);
      expect(left.map((m) => [m.direction, m.body])).toEqual([['in', 'Yes, can you call me?']]);
      const paused = (await timelineOf(cloud.db, lead.id)).filter((e) => e.data.how === 'paused');
      expect(paused.map((e) => e.text)).toEqual([
        'Funnel "New lead follow-up" paused: the customer replied, so 3 scheduled texts were not sent',
      ]);
    },
  );

  test.skipIf(skip)(
    "refused: a Dead lead, another store's funnel, the wrong number of steps, an unknown funnel",
    async () => {
      const dead = await assign(agent, acme.leads.dead, followUp);
      expect(dead.result).toMatchObject({ status: 'rejected', code: 'opted_out' });
      const lead = await newLead();
      const south = await assign(manager, lead, southOnly);
      expect(south.result).toMatchObject({ status: 'rejected', code: 'invalid_arguments' });
      expect(south.result).toMatchObject({ message: expect.stringMatching(/another store/) });
      const short = await assign(agent, lead, followUp, ['only one']);
      expect(short.result).toMatchObject({ status: 'rejected', code: 'invalid_arguments' });
      expect(short.result).toMatchObject({ message: expect.stringMatching(/has 3 steps, not 1/) });
      const unknown = await assign(agent, lead, { ...followUp, id: uuidv7() });
      expect(unknown.result).toMatchObject({ status: 'rejected', code: 'not_found' });
      expect(await scheduledOf(lead.id)).toEqual([]);
      expect(await scheduledOf(acme.leads.dead.id)).toEqual([]);
    },
  );
});
