import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createHttpApp } from '../../../src-cloud/http/app';
import { registerRoutes } from '../../../src-cloud/http/register';
import type { TwilioAccount } from '../../../src-cloud/twilio/account';
import { storeOfNumber } from '../../../src-cloud/twilio/tenant-of';
import { EMPTY_TWIML, twilioWebhookRoute } from '../../../src-cloud/twilio/webhook-route';
import { postAsTwilio } from '../../support/twilio/signed-post';
import { seedTenant, type SeededTenant } from './harness/seed';
import { BACKENDS, startTestCloud, type TestCloud } from './harness/test-cloud';
import { connectTwilio } from './harness/twilio';

const STORE_NUMBER = '+13035550142';

/**
 * The gate every Twilio webhook passes: a probe route behind `twilioWebhookRoute`, on a server
 * of its own sharing the test cloud's services, records what reached its handler.
 */
describe.each(BACKENDS)('Twilio webhook signatures on $backend', ({ backend, skip }) => {
  let cloud: TestCloud;
  let probe: FastifyInstance;
  let probeUrl = '';
  let tenant: SeededTenant;
  let account: TwilioAccount;
  const handled: { tenantId: string; body: string }[] = [];

  beforeAll(async () => {
    if (skip) return;
    cloud = await startTestCloud(backend);
    tenant = await seedTenant(cloud.db, 'Front Range Motors');
    account = await connectTwilio(cloud, tenant.tenantId, tenant.stores[0].id, {
      textingNumber: STORE_NUMBER,
    });
    probe = await createHttpApp(cloud.services.config);
    registerRoutes(probe, cloud.services, [
      twilioWebhookRoute({
        url: '/v1/twilio/probe',
        summary: 'test probe',
        fields: z.object({ To: z.string(), Body: z.string() }),
        tenantOf: async (services, form) =>
          (await storeOfNumber(services.db, form.To ?? ''))?.tenantId ?? null,
        handle: async ({ tenantId, fields }) => {
          handled.push({ tenantId, body: fields.Body });
          return fields.Body === 'reply' ? '<Response><Message>ok</Message></Response>' : undefined;
        },
      }),
    ]);
    await probe.listen({ host: '127.0.0.1', port: 0 });
    probeUrl = `http://127.0.0.1:${(probe.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await probe?.close();
    await cloud?.stop();
  });

  /** Twilio signs the public address; the request reaches the probe on 127.0.0.1. */
  const post = (
    params: Record<string, string>,
    changes: { authToken?: string; signature?: string | null; path?: string } = {},
  ) =>
    postAsTwilio({
      signedUrl: `${cloud.services.publicUrl()}${changes.path ?? '/v1/twilio/probe'}`,
      postTo: `${probeUrl}/v1/twilio/probe`,
      params,
      authToken: changes.authToken ?? account.authToken,
      ...(changes.signature !== undefined && { signature: changes.signature }),
    });

  it.skipIf(skip)(
    'a correctly signed webhook reaches its handler and is answered with TwiML',
    async () => {
      const before = handled.length;
      const empty = await post({ To: STORE_NUMBER, Body: 'hello', MessageSid: 'SM1' });
      expect(empty.status).toBe(200);
      expect(empty.headers.get('content-type')).toMatch(/^text\/xml/);
      expect(await empty.text()).toBe(EMPTY_TWIML);
      const reply = await post({ To: STORE_NUMBER, Body: 'reply' });
      expect(await reply.text()).toContain('<Message>ok</Message>');
      expect(handled.slice(before)).toEqual([
        { tenantId: tenant.tenantId, body: 'hello' },
        { tenantId: tenant.tenantId, body: 'reply' },
      ]);
    },
  );

  it.skipIf(skip)(
    'unsigned, wrongly signed, tampered or unknown: 403 and the handler never runs',
    async () => {
      const before = handled.length;
      const params = { To: STORE_NUMBER, Body: 'hello' };
      const refusals = [
        await post(params, { signature: null }),
        await post(params, { signature: 'bm90IGEgc2lnbmF0dXJl' }),
        await post(params, { authToken: 'f'.repeat(32) }),
        await post(params, { path: '/v1/twilio/elsewhere' }),
        await postAsTwilio({
          signedUrl: `${cloud.services.publicUrl()}/v1/twilio/probe`,
          postTo: `${probeUrl}/v1/twilio/probe`,
          params: { To: STORE_NUMBER, Body: 'hello' },
          authToken: account.authToken,
          signature: (await import('twilio')).default.getExpectedTwilioSignature(
            account.authToken,
            `${cloud.services.publicUrl()}/v1/twilio/probe`,
            { To: STORE_NUMBER, Body: 'tampered' },
          ),
        }),
        await post({ To: '+13035550999', Body: 'hello' }),
      ];
      for (const refusal of refusals) {
        expect(refusal.status).toBe(403);
        expect(((await refusal.json()) as { error: { code: string } }).error.code).toBe(
          'forbidden',
        );
      }
      expect(handled.length).toBe(before);
    },
  );

  it.skipIf(skip)(
    'a signed webhook without the fields the route needs is a 400 naming them',
    async () => {
      const response = await post({ To: STORE_NUMBER });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(
        /Body/,
      );
    },
  );

  it.skipIf(skip)('the JSON routes still refuse a form with 415', async () => {
    const response = await fetch(`${cloud.url}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=a%40b.c&password=x',
    });
    expect(response.status).toBe(415);
  });
});
