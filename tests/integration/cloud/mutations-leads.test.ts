import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Lead } from '../../../src-shared/domain/lead';
import { Api } from './harness/api';
import { rowOf, timelineOf } from './harness/rows';
import { insertLead, seedTenant, type SeededTenant } from './harness/seed';
import { BACKENDS, startTestCloud, type TestCloud } from './harness/test-cloud';

describe.each(BACKENDS)('lead mutations on $backend', ({ backend, skip }) => {
  let cloud: TestCloud;
  let acme: SeededTenant;
  let agent: Api;
  let manager: Api;

  /** A fresh lead in store 0 for one test, so tests do not depend on each other's leftovers. */
  const newLead = (changes: Partial<Lead> = {}) =>
    insertLead(cloud.db, acme.tenantId, acme.stores[0].id, changes);

  beforeAll(async () => {
    if (skip) return;
    cloud = await startTestCloud(backend);
    acme = await seedTenant(cloud.db, 'Acme');
    agent = await new Api(cloud.url).login(acme.agent.email, acme.agent.password);
    manager = await new Api(cloud.url).login(acme.manager.email, acme.manager.password);
  });
  afterAll(async () => cloud?.stop());

  test.skipIf(skip)('an agent edits contact details, labels and vehicle of a lead', async () => {
    const lead = await newLead();
    const vehicle = {
      year: 2022,
      make: 'Toyota',
      model: 'Tacoma',
      trim: 'SR5',
      vin: '',
      stock: 'T123',
    };
    const patch = {
      firstName: 'Robin',
      phones: [{ number: '+13035550199', type: 'home' }],
      email: 'robin@example.com',
      labelIds: [acme.label.id],
      collaboratorIds: [acme.manager.user.id],
      vehicle,
      financial: { creditRating: 'good', downPayment: 2000, monthlyBudget: 450 },
    };
    const { result } = await agent.mutate('updateLead', { leadId: lead.id, patch });
    expect(result?.status).toBe('ok');
    expect(await rowOf(cloud.db, 'leads', lead.id)).toMatchObject(patch);
  });

  test.skipIf(skip)('a label of nowhere is not found and nothing is saved', async () => {
    const lead = await newLead();
    const { result } = await agent.mutate('updateLead', {
      leadId: lead.id,
      patch: { firstName: 'X', labelIds: [uuidv7()] },
    });
    expect(result).toMatchObject({ status: 'rejected', code: 'not_found' });
    expect((await rowOf(cloud.db, 'leads', lead.id))?.firstName).toBe('Pat');
  });

  test.skipIf(skip)(
    'an agent takes an unassigned lead but only a manager reassigns it',
    async () => {
      const lead = await newLead();
      const take = await agent.mutate('updateLead', {
        leadId: lead.id,
        patch: { assignedUserId: acme.agent.user.id },
      });
      expect(take.result?.status).toBe('ok');
      const events = await timelineOf(cloud.db, lead.id);
      expect(events.at(-1)).toMatchObject({
        kind: 'assignment',
        text: `Assigned to ${acme.agent.user.name}`,
      });

      const give = await agent.mutate('updateLead', {
        leadId: lead.id,
        patch: { assignedUserId: acme.manager.user.id },
      });
      expect(give.result).toMatchObject({ status: 'rejected', code: 'forbidden' });

      // The other agent works store 1 only: they could not even see this lead.
      const wrongStore = await manager.mutate('updateLead', {
        leadId: lead.id,
        patch: { assignedUserId: acme.otherAgent.user.id },
      });
      expect(wrongStore.result).toMatchObject({ status: 'rejected', code: 'not_member' });
      const reassign = await manager.mutate('updateLead', {
        leadId: lead.id,
        patch: { assignedUserId: acme.manager.user.id },
      });
      expect(reassign.result?.status).toBe('ok');
      expect((await rowOf(cloud.db, 'leads', lead.id))?.assignedUserId).toBe(acme.manager.user.id);
    },
  );

  test.skipIf(skip)('a status change is written in the timeline', async () => {
    const lead = await newLead({ status: 'warm' });
    expect(
      (await agent.mutate('setLeadStatus', { leadId: lead.id, status: 'hot' })).result?.status,
    ).toBe('ok');
    expect((await timelineOf(cloud.db, lead.id)).at(-1)).toMatchObject({
      kind: 'status_change',
      text: 'Status: Warm -> Hot',
      data: { from: 'warm', to: 'hot' },
    });
  });

  test.skipIf(skip)('only a manager moves a lead out of Dead, which opts it back in', async () => {
    const lead = await newLead({ status: 'dead', optedOut: true });
    const byAgent = await agent.mutate('setLeadStatus', { leadId: lead.id, status: 'hot' });
    expect(byAgent.result).toMatchObject({ status: 'rejected', code: 'forbidden' });
    expect((await rowOf(cloud.db, 'leads', lead.id))?.status).toBe('dead');

    const byManager = await manager.mutate('setLeadStatus', {
      leadId: lead.id,
      status: 'follow_up',
    });
    expect(byManager.result?.status).toBe('ok');
    expect(await rowOf(cloud.db, 'leads', lead.id)).toMatchObject({
      status: 'follow_up',
      optedOut: false,
    });
    expect((await timelineOf(cloud.db, lead.id)).map((e) => e.kind)).toEqual([
      'status_change',
      'opt_in',
    ]);
  });

  test.skipIf(skip)(
    'a STOP: opted out leads go Dead, cannot be messaged, and only a manager opts them in',
    async () => {
      const lead = await newLead({ status: 'hot' });
      expect(
        (await agent.mutate('optOut', { leadId: lead.id, reason: 'Customer texted STOP' })).result
          ?.status,
      ).toBe('ok');
      expect(await rowOf(cloud.db, 'leads', lead.id)).toMatchObject({
        status: 'dead',
        optedOut: true,
      });
      expect((await timelineOf(cloud.db, lead.id)).at(-1)).toMatchObject({
        kind: 'opt_out',
        data: { reason: 'Customer texted STOP' },
      });

      const messageId = uuidv7();
      const send = await agent.mutate('sendMessage', {
        leadId: lead.id,
        messageId,
        channel: 'sms',
        body: 'Still there?',
        media: [],
        scheduledAt: null,
      });
      expect(send.result).toMatchObject({ status: 'rejected', code: 'opted_out' });
      expect(await rowOf(cloud.db, 'messages', messageId)).toBeNull();

      const agentOptIn = await agent.mutate('optIn', {
        leadId: lead.id,
        reason: 'They wrote again',
      });
      expect(agentOptIn.result).toMatchObject({ status: 'rejected', code: 'forbidden' });
      const managerOptIn = await manager.mutate('optIn', {
        leadId: lead.id,
        reason: 'They wrote again',
      });
      expect(managerOptIn.result?.status).toBe('ok');
      expect(await rowOf(cloud.db, 'leads', lead.id)).toMatchObject({
        status: 'hot',
        optedOut: false,
      });
    },
  );
});
