import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Api } from './harness/api';
import { snapshot } from './harness/rows';
import { seedTenant, type SeededTenant } from './harness/seed';
import { BACKENDS, startTestCloud, type TestCloud } from './harness/test-cloud';

const BODY_LIMIT = 64 * 1024;

describe.each(BACKENDS)('bad input on $backend', ({ backend, skip }) => {
  let cloud: TestCloud;
  let acme: SeededTenant;
  let agent: Api;
  let before: unknown;

  beforeAll(async () => {
    if (skip) return;
    cloud = await startTestCloud(backend, { bodyLimitBytes: BODY_LIMIT });
    acme = await seedTenant(cloud.db, 'Acme');
    agent = await new Api(cloud.url).login(acme.agent.email, acme.agent.password);
    before = await snapshot(cloud.db, acme.tenantId);
  });
  afterAll(async () => {
    if (skip) return;
    // Whatever came before: nothing was stored, and the server still answers.
    expect(await snapshot(cloud.db, acme.tenantId)).toEqual(before);
    expect((await agent.get('/v1/health')).status).toBe(200);
    const note = await agent.mutate('addNote', {
      leadId: acme.leads.open.id,
      noteId: uuidv7(),
      text: 'still here',
    });
    expect(note.result?.status).toBe('ok');
    await cloud.stop();
  });

  const push = (mutations: unknown, clientId: unknown = agent.clientId) =>
    agent.post('/v1/mutations', { clientId, mutations });

  test.skipIf(skip)('malformed JSON is a 400 that says so', async () => {
    const answer = await agent.request('POST', '/v1/mutations', '{"clientId": "x", mutations: [', {
      'content-type': 'application/json',
    });
    expect([answer.status, answer.body.error.code]).toEqual([400, 'invalid_json']);
    expect(answer.body.error.message).toMatch(/not valid JSON/);
  });

  test.skipIf(skip)('a body that is not JSON at all is a 415', async () => {
    const answer = await agent.request('POST', '/v1/mutations', 'hello', {
      'content-type': 'text/plain',
    });
    expect([answer.status, answer.body.error.code]).toEqual([415, 'unsupported_media_type']);
  });

  test.skipIf(skip)('an oversized body is a 413 that names the limit', async () => {
    const text = 'x'.repeat(BODY_LIMIT);
    const answer = await push([
      {
        id: uuidv7(),
        name: 'addNote',
        args: { leadId: acme.leads.open.id, noteId: uuidv7(), text },
      },
    ]);
    expect([answer.status, answer.body.error.code]).toEqual([413, 'body_too_large']);
    expect(answer.body.error.message).toContain(String(BODY_LIMIT));
  });

  test.skipIf(skip)('an unknown mutation name refuses the whole batch, naming it', async () => {
    const good = { id: uuidv7(), name: 'markResponded', args: { leadId: acme.leads.awaiting.id } };
    for (const name of ['deleteEverything', 'toString', '__proto__']) {
      const answer = await push([good, { id: uuidv7(), name, args: {} }]);
      expect([answer.status, answer.body.error.code]).toEqual([400, 'unknown_mutation']);
      expect(answer.body.error.message).toContain(`mutations[1]`);
      expect(answer.body.error.message).toContain(`"${name}"`);
    }
  });

  test.skipIf(skip)(
    'arguments of the wrong type are refused, naming the mutation and the field',
    async () => {
      const id = uuidv7();
      const answer = await push([
        { id, name: 'setLeadStatus', args: { leadId: acme.leads.open.id, status: 42 } },
      ]);
      expect([answer.status, answer.body.error.code]).toEqual([400, 'invalid_args']);
      expect(answer.body.error.message).toContain(
        `mutations[0] (setLeadStatus ${id}): args.status:`,
      );

      const extra = await push([
        { id, name: 'markResponded', args: { leadId: acme.leads.open.id, sneaky: true } },
      ]);
      expect(extra.body.error.message).toMatch(/sneaky/);
      const empty = await push([
        { id, name: 'updateLead', args: { leadId: acme.leads.open.id, patch: {} } },
      ]);
      expect(empty.body.error.message).toMatch(/the patch changes nothing/);
      const phone = await push([
        {
          id,
          name: 'updateLead',
          args: {
            leadId: acme.leads.open.id,
            patch: { phones: [{ number: '555', type: 'mobile' }] },
          },
        },
      ]);
      expect(phone.body.error.message).toMatch(
        /args.patch.phones.0.number: must be an E.164 phone number/,
      );
    },
  );

  test.skipIf(skip)('a malformed envelope is refused, naming the field', async () => {
    expect((await push('not a list')).body.error.message).toMatch(/mutations:/);
    expect((await push([], uuidv7())).body.error.message).toMatch(/mutations:/);
    expect(
      (await push([{ id: uuidv7(), name: 'markDone', args: {} }], 12)).body.error.message,
    ).toMatch(/clientId:/);
    const answer = await agent.request('POST', '/v1/mutations', 'null', {
      'content-type': 'application/json',
    });
    expect(answer.status).toBe(400);
  });

  test.skipIf(skip)(
    'bad pull parameters and unknown routes are 4xx answers that say what is wrong',
    async () => {
      const limit = await agent.get('/v1/sync?since=0&limit=0');
      expect([limit.status, limit.body.error.code]).toEqual([400, 'invalid_request']);
      expect(limit.body.error.message).toMatch(/limit:/);
      expect((await agent.get('/v1/sync?since=-1')).body.error.message).toMatch(/since:/);
      const nowhere = await agent.get('/v1/nowhere');
      expect([nowhere.status, nowhere.body.error]).toEqual([
        404,
        { code: 'no_route', message: 'no route GET /v1/nowhere' },
      ]);
      expect((await agent.get('/v1/admin/users/x/disable')).status).toBe(404);
      expect((await agent.get('/v1/live')).status).toBe(426);
    },
  );

  test.skipIf(skip)(
    'a live socket answers ping, and drops a frame it does not know without closing',
    async () => {
      const live = await agent.live();
      live.send({ type: 'ping' });
      expect(await live.next((frame) => frame.type === 'pong')).toEqual({ type: 'pong' });
      live.send('{not json');
      live.send({ type: 'ping' });
      expect(await live.next((frame) => frame.type === 'pong')).toEqual({ type: 'pong' });
      expect(live.closed).toBeNull();
      live.close();
    },
  );
});
