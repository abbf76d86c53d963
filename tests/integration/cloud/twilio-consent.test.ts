import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isNumberOptedOut } from '../../../src-cloud/consent/ledger';
import { EMPTY_TWIML } from '../../../src-cloud/twilio/webhook-route';
import { Api } from './harness/api';
import { rowOf, timelineOf } from './harness/rows';
import { insertLead, seedTenant, type SeededTenant } from './harness/seed';
import { BACKENDS } from './harness/test-cloud';
import {
  ledgerOf,
  leadOfPhone,
  messagesOf,
  startSmsWorld,
  type SmsWorld,
} from './inbound-sms-fixture';

describe.each(BACKENDS)(
  'opt-out, opt-in and the consent ledger, on $backend',
  ({ backend, skip }) => {
    let world: SmsWorld;
    let bravo: SeededTenant;
    let manager: Api, agent: Api, admin: Api, bravoAdmin: Api;

    const northLead = (phone: string, status: 'warm' | 'hot' = 'warm') =>
      insertLead(world.cloud.db, world.acme.tenantId, world.acme.stores[0].id, {
        phones: [{ number: phone, type: 'mobile' }],
        status,
      });
    const blocked = (phone: string, storeIndex: 0 | 1 = 0) =>
      isNumberOptedOut(
        world.cloud.db,
        world.acme.tenantId,
        world.acme.stores[storeIndex].id,
        phone,
      );

    beforeAll(async () => {
      if (skip) return;
      world = await startSmsWorld(backend);
      bravo = await seedTenant(world.cloud.db, 'Bravo');
      const login = (who: { email: string; password: string }) =>
        new Api(world.cloud.url).login(who.email, who.password);
      [manager, agent, admin, bravoAdmin] = await Promise.all([
        login(world.acme.manager),
        login(world.acme.agent),
        login(world.acme.admin),
        login(bravo.admin),
      ]);
    });
    afterAll(() => world?.stop());

    test.skipIf(skip)(
      'STOP moves the lead to Dead, records the number as opted out, and blocks a second lead with that number',
      async () => {
        const lead = await northLead('+17205550201');
        const answer = await world.text('+17205550201', 'Stop');
        expect(answer.status).toBe(200);
        expect(await answer.text()).toBe(EMPTY_TWIML);
        expect(await rowOf(world.cloud.db, 'leads', lead.id)).toMatchObject({
          status: 'dead',
          optedOut: true,
        });
        expect((await messagesOf(world.cloud, lead.id)).map((m) => m.body)).toEqual(['Stop']);
        const [event] = await timelineOf(world.cloud.db, lead.id);
        expect(event).toMatchObject({
          kind: 'opt_out',
          actorUserId: null,
          text: 'Opted out: the customer texted “Stop”.',
          data: { how: 'customer keyword', fromStatus: 'warm' },
        });
        expect(await ledgerOf(world.cloud, world.acme.tenantId, '+17205550201')).toEqual([
          {
            store_id: world.acme.stores[0].id,
            event: 'opt_out',
            how: 'customer keyword',
            by_user_id: null,
            lead_id: lead.id,
            source_text: 'Stop',
          },
        ]);
        // By number and store: another lead with the number is blocked, the sister store is not.
        await northLead('+17205550201');
        expect(await blocked('+17205550201')).toBe(true);
        expect(await blocked('+17205550201', 1)).toBe(false);
      },
    );

    test.skipIf(skip)(
      'a revocation in ordinary words or in Spanish moves the lead to Dead and shows the agent the words',
      async () => {
        for (const [phone, body, quoted] of [
          ['+17205550202', 'ok thanks but please stop texting me', 'stop texting me'],
          ['+17205550203', 'ya no me escriban por favor', 'ya no me escriban'],
        ] as const) {
          const lead = await northLead(phone, 'hot');
          await world.text(phone, body);
          expect(await rowOf(world.cloud.db, 'leads', lead.id)).toMatchObject({
            status: 'dead',
            optedOut: true,
          });
          const [event] = await timelineOf(world.cloud.db, lead.id);
          expect(event?.kind).toBe('opt_out');
          expect(event?.text).toContain(quoted);
          expect(event?.data).toMatchObject({ how: 'customer free text', fromStatus: 'hot' });
          expect(await ledgerOf(world.cloud, world.acme.tenantId, phone)).toMatchObject([
            { event: 'opt_out', how: 'customer free text', source_text: body },
          ]);
          expect(await blocked(phone)).toBe(true);
        }
      },
    );

    test.skipIf(skip)('a look-alike ("can I stop by tomorrow?") changes nothing', async () => {
      const lead = await northLead('+17205550204');
      await world.text('+17205550204', 'can I stop by tomorrow?');
      expect((await rowOf(world.cloud.db, 'leads', lead.id))?.status).toBe('warm');
      expect(await timelineOf(world.cloud.db, lead.id)).toEqual([]);
      expect(await ledgerOf(world.cloud, world.acme.tenantId, '+17205550204')).toEqual([]);
    });

    test.skipIf(skip)(
      'STOP from a number nobody knew makes a Dead lead that rings nobody',
      async () => {
        await world.text('+17205550205', 'STOP');
        const leadId = await leadOfPhone(world.cloud, world.acme.tenantId, '+17205550205');
        expect(await rowOf(world.cloud.db, 'leads', leadId)).toMatchObject({
          status: 'dead',
          optedOut: true,
          source: 'Text',
        });
        const offers = await world.cloud.db.query('SELECT id FROM offers WHERE lead_id = $1', [
          leadId,
        ]);
        expect(offers).toEqual([]);
      },
    );

    test.skipIf(skip)(
      'START opts the number back in, the lead back to the status it had before',
      async () => {
        const lead = await northLead('+17205550206', 'hot');
        await world.text('+17205550206', 'STOP');
        expect(await blocked('+17205550206')).toBe(true);
        const answer = await world.text('+17205550206', 'start');
        expect(await answer.text()).toBe(EMPTY_TWIML);
        expect(await rowOf(world.cloud.db, 'leads', lead.id)).toMatchObject({
          status: 'hot',
          optedOut: false,
        });
        expect(await blocked('+17205550206')).toBe(false);
        const events = await timelineOf(world.cloud.db, lead.id);
        expect(events.map((e) => e.kind)).toEqual(['opt_out', 'opt_in']);
        expect(events[1]?.text).toBe('Opted in: the customer texted “start”. Status: Hot.');
        expect(
          (await ledgerOf(world.cloud, world.acme.tenantId, '+17205550206')).map((e) => e.event),
        ).toEqual(['opt_out', 'opt_in']);
        // "Yes" from someone who never opted out is an answer, not an opt-in.
        const other = await northLead('+17205550207');
        await world.text('+17205550207', 'Yes');
        expect(await timelineOf(world.cloud.db, other.id)).toEqual([]);
        expect(await ledgerOf(world.cloud, world.acme.tenantId, '+17205550207')).toEqual([]);
      },
    );

    test.skipIf(skip)(
      "HELP is answered with the store's name and phone, and kept in the thread",
      async () => {
        const lead = await northLead('+17205550208');
        const answer = await world.text('+17205550208', 'help');
        expect(answer.status).toBe(200);
        const twiml = await answer.text();
        const north = world.acme.stores[0];
        expect(twiml).toBe(
          `<?xml version="1.0" encoding="UTF-8"?><Response><Message>${north.name}: Call us at (303) 555-0100. Reply STOP to stop texts.</Message></Response>`,
        );
        expect(await messagesOf(world.cloud, lead.id)).toMatchObject([
          { direction: 'in', body: 'help' },
          {
            direction: 'out',
            authorUserId: null,
            status: 'sent',
            body: expect.stringContaining(north.name),
          },
        ]);
        expect((await rowOf(world.cloud.db, 'leads', lead.id))?.status).toBe('warm');
      },
    );

    test.skipIf(skip)(
      "an agent's opt-out and a manager's opt-in are in the ledger too",
      async () => {
        const lead = await northLead('+17205550209');
        const out = await agent.mutate('optOut', { leadId: lead.id, reason: 'asked on the phone' });
        expect(out.result?.status).toBe('ok');
        expect(await blocked('+17205550209')).toBe(true);
        const back = await manager.mutate('optIn', {
          leadId: lead.id,
          reason: 'wrote again, wants a quote',
        });
        expect(back.result?.status).toBe('ok');
        expect(await blocked('+17205550209')).toBe(false);
        expect(await ledgerOf(world.cloud, world.acme.tenantId, '+17205550209')).toMatchObject([
          {
            event: 'opt_out',
            how: 'agent',
            by_user_id: world.acme.agent.user.id,
            source_text: 'asked on the phone',
          },
          { event: 'opt_in', how: 'manager', by_user_id: world.acme.manager.user.id },
        ]);
      },
    );

    describe('GET /v1/consent.csv', () => {
      const csv = (who: Api, query = '') => who.get<string>(`/v1/consent.csv${query}`);

      test.skipIf(skip)(
        'managers get the ledger as CSV, quoted and guarded against formulas',
        async () => {
          await northLead('+17205550210');
          await world.text(
            '+17205550210',
            '=HYPERLINK("http://x.test","click"), stop texting me\nplease',
          );
          const answer = await fetch(`${world.cloud.url}/v1/consent.csv`, {
            headers: { authorization: `Bearer ${manager.token}` },
          });
          expect(answer.status).toBe(200);
          expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8');
          expect(answer.headers.get('content-disposition')).toMatch(
            /^attachment; filename="consent-\d{4}-\d{2}-\d{2}\.csv"$/,
          );
          const text = await answer.text();
          const lines = text.split('\r\n');
          expect(lines[0]).toBe(
            'at (UTC),store,number,event,how,by,by user id,lead id,source text',
          );
          expect(text.endsWith('\r\n')).toBe(true);
          const leadId = await leadOfPhone(world.cloud, world.acme.tenantId, '+17205550210');
          expect(text).toContain(
            `,Acme North,'+17205550210,opt-out,customer free text,customer free text,,${leadId},"'=HYPERLINK(""http://x.test"",""click""), stop texting me\nplease"\r\n`,
          );
          // The agent's opt-out names them.
          expect(text).toMatch(
            new RegExp(`,opt-out,agent,Acme Agent,${world.acme.agent.user.id},`),
          );
          expect(text).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z,/m);
        },
      );

      test.skipIf(skip)('one store, a period: only those lines', async () => {
        const south = world.acme.stores[1];
        const all = await csv(admin);
        expect(all.status).toBe(200);
        const southOnly = await csv(admin, `?storeId=${south.id}`);
        expect(southOnly.body.trim().split('\r\n')).toHaveLength(1); // the header: South has none
        const today = new Date().toISOString().slice(0, 10);
        const todays = await csv(manager, `?from=${today}&to=${today}`);
        expect(todays.body).toBe((await csv(manager)).body);
        const future = await csv(manager, '?from=2999-01-01');
        expect(future.body.trim().split('\r\n')).toHaveLength(1);
      });

      test.skipIf(skip)('agents cannot export; other dealer groups see none of it', async () => {
        const refused = await csv(agent);
        expect(refused.status).toBe(403);
        const foreign = await csv(bravoAdmin);
        expect(foreign.status).toBe(200);
        expect(foreign.body.trim().split('\r\n')).toHaveLength(1);
        const foreignStore = await csv(bravoAdmin, `?storeId=${world.acme.stores[0].id}`);
        expect(foreignStore.status).toBe(404);
      });

      test.skipIf(skip)('a period that is not one is a 400 naming it', async () => {
        const bad = await csv(manager, '?from=yesterday');
        expect(bad.status).toBe(400);
        expect((bad.body as unknown as { error: { message: string } }).error.message).toMatch(
          /from/,
        );
        const backwards = await csv(manager, '?from=2026-03-02&to=2026-03-01');
        expect(backwards.status).toBe(400);
      });
    });
  },
);
