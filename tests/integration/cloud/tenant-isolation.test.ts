import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROUTES } from '../../../src-cloud/http/routes';
import type { Role } from '../../../src-shared/domain/user';
import {
  MUTATION_NAMES,
  MUTATIONS,
  type MutationArgs,
  type MutationName,
} from '../../../src-shared/sync/mutations';
import { saveTwilioAccount, type TwilioAccount } from '../../../src-cloud/twilio/account';
import { twilioMediaLink } from '../../../src-cloud/twilio/media-link';
import { lockTenant } from '../../../src-cloud/sync/tenant-write';
import { syncWriter } from '../../../src-cloud/sync/writer';
import { postAsTwilio } from '../../support/twilio/signed-post';
import { Api } from './harness/api';
import { rowOf, snapshot } from './harness/rows';
import { insertLead, seedTenant, type SeededTenant } from './harness/seed';
import { BACKENDS, startTestCloud, type TestCloud } from './harness/test-cloud';
import { connectTwilio, testTwilioAccount } from './harness/twilio';
import { recordConsent } from '../../../src-cloud/consent/ledger';

/**
 * Generated over every mutation and every route: a new one without a case here fails, so it
 * cannot ship without its isolation check. Arguments name rows of tenant `t`.
 */
const MUTATION_CASES: { [N in MutationName]: (t: SeededTenant) => MutationArgs<N> } = {
  updateLead: (t) => ({ leadId: t.leads.open.id, patch: { firstName: 'Mallory' } }),
  setLeadStatus: (t) => ({ leadId: t.leads.open.id, status: 'sold' }),
  addNote: (t) => ({ leadId: t.leads.open.id, noteId: uuidv7(), text: 'pwned' }),
  setAppointment: (t) => ({
    leadId: t.leads.open.id,
    appointmentId: uuidv7(),
    startsAt: Date.now(),
  }),
  rescheduleAppointment: (t) => ({ appointmentId: t.appointment.id, startsAt: Date.now() }),
  setAppointmentStatus: (t) => ({ appointmentId: t.appointment.id, status: 'cancelled' }),
  markResponded: (t) => ({ leadId: t.leads.awaiting.id }),
  markDone: (t) => ({ leadId: t.leads.open.id, done: true }),
  sendMessage: (t) => ({
    leadId: t.leads.open.id,
    messageId: uuidv7(),
    channel: 'sms',
    body: 'hi',
    media: [],
    scheduledAt: null,
  }),
  assignFunnel: (t) => ({
    leadId: t.leads.open.id,
    funnelId: uuidv7(),
    steps: [{ messageId: uuidv7(), body: 'pwned' }],
  }),
  // The seed has no scheduled message; mutations-scheduled.test.ts aims at another tenant's.
  rescheduleMessage: () => ({ messageId: uuidv7(), scheduledAt: Date.now() + 3_600_000 }),
  cancelScheduledMessage: () => ({ messageId: uuidv7() }),
  optOut: (t) => ({ leadId: t.leads.open.id, reason: 'pwned' }),
  optIn: (t) => ({ leadId: t.leads.dead.id, reason: 'pwned' }),
  saveFilters: (t) => ({
    filters: {
      storeIds: [t.stores[0].id],
      campaignIds: [t.campaign.id],
      labelIds: [t.label.id],
      assigneeIds: [],
      sources: [],
    },
  }),
  updateStoreSettings: (t) => ({
    storeId: t.stores[0].id,
    contacts: { ...t.stores[0].contacts, salesLeadEmails: ['pwned@example.com'] },
    crm: t.stores[0].crm,
    dispositions: t.stores[0].dispositions,
  }),
  sendToCrm: (t) => ({ leadId: t.leads.open.id, eventId: uuidv7(), choice: { kind: 'send' } }),
  escalate: (t) => ({ leadId: t.leads.open.id, eventId: uuidv7(), note: 'pwned' }),
};

const ROLES: Role[] = ['agent', 'manager', 'admin'];
const REFUSED = ['not_found', 'forbidden'];

describe.each(BACKENDS)('tenant isolation on $backend', ({ backend, skip }) => {
  let cloud: TestCloud;
  let a: SeededTenant;
  let b: SeededTenant;
  const as: Partial<Record<Role | 'otherAgent' | 'bManager', Api>> = {};
  const user = (key: keyof typeof as) => as[key] as Api;

  /** Runs `act` and checks that tenant B (and A, unless `ownChanges`) are exactly as before. */
  const unchanged = async (act: () => Promise<void>, ownChanges = false) => {
    const [beforeA, beforeB] = [
      await snapshot(cloud.db, a.tenantId),
      await snapshot(cloud.db, b.tenantId),
    ];
    await act();
    expect(await snapshot(cloud.db, b.tenantId)).toEqual(beforeB);
    if (!ownChanges) expect(await snapshot(cloud.db, a.tenantId)).toEqual(beforeA);
  };

  beforeAll(async () => {
    if (skip) return;
    cloud = await startTestCloud(backend);
    a = await seedTenant(cloud.db, 'Acme');
    b = await seedTenant(cloud.db, 'Bravo');
    // One more row in B, so that the two tenants' versions differ and a leaked poke would show.
    await insertLead(cloud.db, b.tenantId, b.stores[0].id);
    for (const role of ROLES)
      as[role] = await new Api(cloud.url).login(a[role].email, a[role].password);
    as.otherAgent = await new Api(cloud.url).login(a.otherAgent.email, a.otherAgent.password);
    as.bManager = await new Api(cloud.url).login(b.manager.email, b.manager.password);
  });
  afterAll(async () => cloud?.stop());

  test('every mutation has a case', () => {
    expect(Object.keys(MUTATION_CASES).sort()).toEqual([...MUTATION_NAMES].sort());
  });

  describe.each(MUTATION_NAMES)('%s', (name) => {
    test.skipIf(skip)(
      'with ids of another tenant: refused for every role, nothing changes',
      async () => {
        for (const role of ROLES) {
          await unchanged(async () => {
            const { result } = await user(role).mutate(name, MUTATION_CASES[name](b));
            expect(result?.status, `${role}`).toBe('rejected');
            expect(REFUSED, `${role}: ${JSON.stringify(result)}`).toContain(
              result?.status === 'rejected' && result.code,
            );
          });
        }
      },
    );

    test.skipIf(skip)(
      'with ids of a store the agent does not work: not found, nothing changes',
      async () => {
        await unchanged(async () => {
          const { result } = await user('otherAgent').mutate(name, MUTATION_CASES[name](a));
          expect(REFUSED).toContain(result?.status === 'rejected' && result.code);
        });
      },
    );
  });

  const managerMutations = MUTATION_NAMES.filter((name) => MUTATIONS[name].minRole !== 'agent');
  describe.each(managerMutations)('%s', (name) => {
    test.skipIf(skip)(`is forbidden to an agent (needs ${MUTATIONS[name].minRole})`, async () => {
      await unchanged(async () => {
        const { result } = await user('agent').mutate(name, MUTATION_CASES[name](a));
        expect(result).toMatchObject({ status: 'rejected', code: 'forbidden' });
      });
    });
  });

  /** Each tenant's Twilio account, connected the first time a case needs it. */
  const twilioAccounts = new Map<string, TwilioAccount>();
  const connectOnce = async (tenantId: string): Promise<TwilioAccount> => {
    const known = twilioAccounts.get(tenantId);
    if (known) return known;
    const account = testTwilioAccount();
    await saveTwilioAccount(cloud.db, cloud.services.secrets, tenantId, account, Date.now());
    twilioAccounts.set(tenantId, account);
    return account;
  };
  const accountSidOf = async (tenantId: string) =>
    (
      await cloud.db.query<{ account_sid: string }>(
        'SELECT account_sid FROM twilio_accounts WHERE tenant_id = $1',
        [tenantId],
      )
    )[0]?.account_sid;
  /** A text of tenant `t` already sent (so the sender leaves it be). */
  const insertSentMessage = async (t: SeededTenant): Promise<string> => {
    const messageId = uuidv7();
    await cloud.db.transaction(async (tx) => {
      await lockTenant(tx, t.tenantId);
      const write = syncWriter(tx, t.tenantId);
      const conversationId = uuidv7();
      const base = { tenantId: t.tenantId, leadId: t.leads.open.id, createdAt: Date.now() };
      await write.insert('conversations', { ...base, id: conversationId, channel: 'sms' });
      await write.insert('messages', {
        ...base,
        id: messageId,
        conversationId,
        direction: 'out',
        authorUserId: null,
        body: 'sent',
        media: [],
        status: 'sent',
        errorCode: null,
        providerId: `SM${'4'.repeat(32)}`,
        scheduledAt: null,
      });
    });
    return messageId;
  };

  /**
   * For each route: a user of A tries it with B's ids (or, for a route without ids, sees
   * nothing of B); wrapped in `unchanged` where nothing may be written.
   */
  const ROUTE_CASES: Record<string, () => Promise<void>> = {
    'POST /v1/auth/login': () =>
      unchanged(async () => {
        const answer = await new Api(cloud.url).post('/v1/auth/login', {
          email: a.agent.email,
          password: a.agent.password,
        });
        expect(answer.body.user).toEqual(a.agent.user);
      }),
    'POST /v1/auth/logout': async () => {
      const bAgent = await new Api(cloud.url).login(b.agent.email, b.agent.password);
      const aAgent = await new Api(cloud.url).login(a.agent.email, a.agent.password);
      await unchanged(
        async () => expect((await aAgent.post('/v1/auth/logout')).status).toBe(204),
        true,
      );
      expect((await bAgent.get('/v1/me')).status).toBe(200);
    },
    'POST /v1/auth/password': () =>
      unchanged(async () => {
        const body = {
          currentPassword: b.admin.password,
          newPassword: 'x'.repeat(12),
          userId: b.admin.user.id,
        };
        const answer = await user('admin').post('/v1/auth/password', body);
        expect(answer.status).toBe(400); // no such field: it only ever changes the caller's password
      }),
    'GET /v1/me': () =>
      unchanged(async () => {
        expect((await user('agent').get('/v1/me')).body.user.id).toBe(a.agent.user.id);
      }),
    'POST /v1/invites/accept': () =>
      unchanged(async () => {
        const answer = await new Api(cloud.url).post('/v1/invites/accept', {
          token: 'x'.repeat(43),
          password: 'y'.repeat(12),
        });
        expect(answer.status).toBe(404);
      }),
    'GET /invite': () =>
      unchanged(async () => {
        expect((await new Api(cloud.url).get('/invite')).status).toBe(200);
      }),
    'POST /v1/admin/users': () =>
      unchanged(async () => {
        const answer = await user('admin').post('/v1/admin/users', {
          name: 'Eve',
          email: 'eve@evil.test',
          storeIds: [b.stores[0].id],
        });
        expect([answer.status, answer.body.error.code]).toEqual([404, 'not_found']);
      }),
    'POST /v1/admin/users/:userId/invite': () =>
      unchanged(async () => {
        expect((await user('admin').post(`/v1/admin/users/${b.agent.user.id}/invite`)).status).toBe(
          404,
        );
      }),
    'POST /v1/admin/users/:userId/disable': () =>
      unchanged(async () => {
        expect(
          (await user('admin').post(`/v1/admin/users/${b.manager.user.id}/disable`)).status,
        ).toBe(404);
        expect((await user('bManager').get('/v1/me')).status).toBe(200);
      }),
    'POST /v1/admin/users/:userId/enable': () =>
      unchanged(async () => {
        expect(
          (await user('admin').post(`/v1/admin/users/${b.manager.user.id}/enable`)).status,
        ).toBe(404);
      }),
    'GET /v1/sync': () =>
      unchanged(async () => {
        const ids = (text: string) =>
          text.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g) ?? [];
        // All at once from version 0, so they reach the shared pulls (src-cloud/sync/
        // shared-pulls.ts) together: a tail is shared within a tenant, never across.
        const [bPulled, ...aPulled] = await Promise.all(
          [user('bManager'), ...ROLES.map(user)].map((api) => api.pullAll()),
        );
        const bIds = new Set(ids(JSON.stringify(bPulled)));
        expect(bIds.size).toBeGreaterThan(10);
        for (const [i, role] of ROLES.entries()) {
          const pulled = JSON.stringify(aPulled[i]);
          expect(
            ids(pulled).filter((id) => bIds.has(id)),
            role,
          ).toEqual([]);
          expect(pulled).not.toContain('Bravo');
        }
      }),
    'POST /v1/mutations': async () => {
      // Every mutation is checked above; here, a (client, mutation id) of B means nothing in A.
      const id = uuidv7();
      const args = MUTATION_CASES.addNote(b);
      expect((await user('bManager').mutate('addNote', args, id)).result?.status).toBe('ok');
      await unchanged(async () => {
        const replay = await user('manager').post('/v1/mutations', {
          clientId: user('bManager').clientId,
          mutations: [{ id, name: 'addNote', args }],
        });
        expect(replay.body.results[0]).toMatchObject({ status: 'rejected', code: 'not_found' });
      });
    },
    'GET /v1/live': async () => {
      const live = await user('agent').live();
      expect((await live.next()).type).toBe('poke');
      expect((await live.next()).type).toBe('presence-snapshot');
      await user('bManager').mutate('addNote', MUTATION_CASES.addNote(b));
      await user('manager').mutate('addNote', MUTATION_CASES.addNote(a));
      const clock = async (t: SeededTenant) =>
        (
          await cloud.db.query<{ clock: number }>('SELECT clock FROM tenants WHERE id = $1', [
            t.tenantId,
          ])
        )[0]?.clock;
      const [clockA, clockB] = [await clock(a), await clock(b)];
      expect(clockA).not.toBe(clockB);
      // B's commit came first and was never sent here: the next poke is A's.
      expect(await live.next((frame) => frame.type === 'poke')).toEqual({
        type: 'poke',
        version: clockA,
      });
      live.close();
    },
    'POST /v1/inbound': () =>
      unchanged(async () => {
        const answer = await user('manager').post('/v1/inbound', {
          storeId: b.stores[0].id,
          channel: 'sms',
          from: { phone: '+13035550111' },
          body: 'hi',
        });
        expect([answer.status, answer.body.error.code]).toEqual([404, 'not_found']);
      }),
    'POST /v1/offers/:offerId/accept': async () => {
      // B's offer, even one naming A's agent among its agents, is not A's to take.
      const offerId = uuidv7();
      await cloud.db.query(
        `INSERT INTO offers (id, tenant_id, lead_id, store_id, agent_ids, status, alert,
           created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5::text[], 'open', '{}'::jsonb, $6, $7)`,
        [
          offerId,
          b.tenantId,
          b.leads.open.id,
          b.stores[0].id,
          [a.agent.user.id],
          Date.now(),
          Date.now() + 600_000,
        ],
      );
      await unchanged(async () => {
        const answer = await user('agent').post(`/v1/offers/${offerId}/accept`);
        expect([answer.status, answer.body.error.code]).toEqual([404, 'offer_not_found']);
      });
      const [offer] = await cloud.db.query('SELECT status FROM offers WHERE id = $1', [offerId]);
      expect(offer).toEqual({ status: 'open' });
    },
    'GET /v1/presence': () =>
      unchanged(async () => {
        const bIds = [b.admin, b.manager, b.agent, b.otherAgent].map((u) => u.user.id);
        for (const role of ROLES) {
          const answer = await user(role).get('/v1/presence');
          expect(answer.status, role).toBe(200);
          const ids = (answer.body.users as { userId: string }[]).map((u) => u.userId);
          expect(ids, role).toContain(a.agent.user.id);
          expect(
            ids.filter((id) => bIds.includes(id)),
            role,
          ).toEqual([]);
        }
      }),
    'POST /v1/media': async () => {
      // No ids to borrow: an upload is always the caller's tenant's.
      await unchanged(async () => {
        const answer = await user('agent').post('/v1/media', {
          name: 'x.gif',
          contentType: 'image/gif',
          data: Buffer.from('GIF89a-----').toString('base64'),
        });
        expect(answer.status).toBe(201);
        const [row] = await cloud.db.query('SELECT tenant_id FROM media WHERE id = $1', [
          answer.body.id,
        ]);
        expect(row).toEqual({ tenant_id: a.tenantId });
      }, true);
    },
    'GET /v1/media/:id': async () => {
      const stored = await user('bManager').post('/v1/media', {
        name: 'b.gif',
        contentType: 'image/gif',
        data: Buffer.from('GIF89a-----').toString('base64'),
      });
      expect(stored.status).toBe(201);
      await unchanged(async () => {
        for (const role of ROLES) {
          const answer = await user(role).get(`/v1/media/${stored.body.id}`);
          expect([answer.status, answer.body.error?.code], role).toEqual([404, 'not_found']);
        }
      });
    },
    'PUT /v1/admin/twilio': async () => {
      const bAccount = await connectOnce(b.tenantId);
      await unchanged(async () => {
        const answer = await user('admin').request('PUT', '/v1/admin/twilio', testTwilioAccount());
        expect(answer.status).toBe(200);
      }, true);
      expect(await accountSidOf(b.tenantId)).toBe(bAccount.accountSid);
    },
    'GET /v1/admin/twilio': async () => {
      const bAccount = await connectOnce(b.tenantId);
      await unchanged(async () => {
        const answer = await user('admin').get('/v1/admin/twilio');
        expect(answer.status).toBe(200);
        expect(answer.body.accountSid).not.toBe(bAccount.accountSid);
      });
    },
    'POST /v1/twilio/status/:messageId': async () => {
      // A's account signs a callback naming B's message: A's tenant has no such message.
      const aAccount = await connectOnce(a.tenantId);
      await connectOnce(b.tenantId);
      const messageId = await insertSentMessage(b);
      await unchanged(async () => {
        const signedUrl = `${cloud.url}/v1/twilio/status/${messageId}`;
        const params = {
          AccountSid: aAccount.accountSid,
          MessageSid: `SM${'3'.repeat(32)}`,
          MessageStatus: 'failed',
          ErrorCode: '30003',
        };
        const answer = await postAsTwilio({ signedUrl, params, authToken: aAccount.authToken });
        expect(answer.status).toBe(200);
      });
      expect((await rowOf(cloud.db, 'messages', messageId))?.status).toBe('sent');
    },
    'GET /v1/twilio/media/:tenantId/:id': async () => {
      // A link A's cloud would sign, pointed at B's tenant and media: B's token does not match.
      const aAccount = await connectOnce(a.tenantId);
      await connectOnce(b.tenantId);
      const stored = await user('bManager').post('/v1/media', {
        name: 'b.gif',
        contentType: 'image/gif',
        data: Buffer.from('GIF89a-----').toString('base64'),
      });
      const link = twilioMediaLink(stored.body.url, cloud.url, a.tenantId, aAccount, Date.now());
      await unchanged(async () => {
        const borrowed = (link ?? '').replace(`/${a.tenantId}/`, `/${b.tenantId}/`);
        expect((await fetch(borrowed)).status).toBe(403);
        expect((await fetch(link ?? '')).status).toBe(404);
      });
    },
    'POST /v1/leads/:leadId/call': () =>
      unchanged(async () => {
        for (const role of ROLES) {
          const answer = await user(role).post(`/v1/leads/${b.leads.open.id}/call`, {});
          expect([answer.status, answer.body.error.code], role).toEqual([404, 'not_found']);
        }
      }),
    'PUT /v1/me/calling': () =>
      unchanged(async () => {
        // Only ever the caller's own settings: naming another user is not a field.
        const answer = await user('admin').request('PUT', '/v1/me/calling', {
          userId: b.agent.user.id,
          phone: '+13035550100',
          extension: '',
          forwardLeadCalls: true,
        });
        expect(answer.status).toBe(400);
      }),
    ...Object.fromEntries(
      ['connect', 'bridge', 'status', 'dialled'].map((step) => [
        `POST /v1/twilio/calls/:callId/${step}`,
        () =>
          unchanged(async () => {
            // Unsigned, naming no call of either tenant: nobody takes it.
            const answer = await new Api(cloud.url).request(
              'POST',
              `/v1/twilio/calls/${uuidv7()}/${step}`,
              'CallStatus=completed',
              { 'content-type': 'application/x-www-form-urlencoded' },
            );
            expect(answer.status).toBe(403);
          }),
      ]),
    ),
    'POST /v1/twilio/voice': () =>
      unchanged(async () => {
        const answer = await new Api(cloud.url).request(
          'POST',
          '/v1/twilio/voice',
          'CallSid=CA1&From=%2B13035550123&To=%2B13035550142',
          { 'content-type': 'application/x-www-form-urlencoded' },
        );
        expect(answer.status).toBe(403);
      }),
    'POST /v1/twilio/sms': async () => {
      // A's Twilio account cannot sign a text into B's store number, nor A's into B's.
      const aAccount = await connectTwilio(cloud, a.tenantId, a.stores[0].id, {
        textingNumber: '+13035550161',
      });
      await connectTwilio(cloud, b.tenantId, b.stores[0].id, { textingNumber: '+13035550162' });
      const text = (to: string) =>
        postAsTwilio({
          signedUrl: `${cloud.services.publicUrl()}/v1/twilio/sms`,
          postTo: `${cloud.url}/v1/twilio/sms`,
          params: { MessageSid: `SM${'1'.repeat(32)}`, From: '+17205550111', To: to, Body: 'hi' },
          authToken: aAccount.authToken,
        });
      await unchanged(async () => {
        expect((await text('+13035550162')).status).toBe(403);
      });
      await unchanged(async () => {
        expect((await text('+13035550161')).status).toBe(200);
      }, true);
    },
    'GET /v1/consent.csv': async () => {
      await recordConsent(cloud.db, {
        tenantId: b.tenantId,
        storeId: b.stores[0].id,
        phone: '+13035550163',
        event: 'opt_out',
        at: Date.now(),
        how: 'customer keyword',
        byUserId: null,
        leadId: b.leads.open.id,
        sourceText: 'STOP',
      });
      await unchanged(async () => {
        for (const role of ['manager', 'admin'] as const) {
          const all = await user(role).get('/v1/consent.csv');
          expect(all.status, role).toBe(200);
          expect(all.body, role).not.toContain('+13035550163');
          const theirs = await user(role).get(`/v1/consent.csv?storeId=${b.stores[0].id}`);
          expect([theirs.status, theirs.body.error?.code], role).toEqual([404, 'not_found']);
        }
      });
    },
    'GET /v1/openapi.json': () =>
      unchanged(async () => {
        expect(
          JSON.stringify((await new Api(cloud.url).get('/v1/openapi.json')).body),
        ).not.toContain(b.tenantId);
      }),
    'GET /v1/health': () =>
      unchanged(async () => {
        expect((await new Api(cloud.url).get('/v1/health')).body).toEqual({ ok: true });
      }),
  };

  describe.each(ROUTES.map((route) => `${route.method} ${route.url}`))('%s', (key) => {
    test.skipIf(skip)('keeps the tenants apart', async () => {
      const check = ROUTE_CASES[key];
      expect(check, `add an isolation case for ${key} in tenant-isolation.test.ts`).toBeDefined();
      await check?.();
    });
  });

  const privileged = ROUTES.filter(
    (route) => route.access === 'manager' || route.access === 'admin',
  );
  describe.each(privileged.map((route) => [`${route.method} ${route.url}`, route] as const))(
    '%s',
    (_key, route) => {
      test.skipIf(skip)(`is forbidden below ${route.access}`, async () => {
        const below = ROLES.slice(0, ROLES.indexOf(route.access as Role));
        for (const role of below) {
          await unchanged(async () => {
            const url = route.url.replace(/:\w+/g, a.agent.user.id);
            const answer = await user(role).request(
              route.method,
              url,
              route.method === 'POST' ? {} : undefined,
            );
            expect([answer.status, answer.body.error.code], role).toEqual([403, 'forbidden']);
          });
        }
      });
    },
  );
});
