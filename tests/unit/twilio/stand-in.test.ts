import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { twilioClient } from '../../../src-cloud/twilio/client';
import { TwilioStandIn } from '../../support/twilio/stand-in';

const ACCOUNT = { accountSid: `AC${'ab12'.repeat(8)}`, authToken: 'cd34'.repeat(8) };
const STORE = '+13035550142';
const CUSTOMER = '+13035550123';

/** The stand-in must catch what Twilio would refuse, or tests that use it prove nothing. */
describe('the Twilio stand-in', () => {
  let standIn: TwilioStandIn;
  let callbacks: Server;
  let callbackUrl = '';
  const received: { signature: string; body: string; url: string }[] = [];

  beforeAll(async () => {
    standIn = await TwilioStandIn.start([ACCOUNT]);
    callbacks = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        received.push({
          signature: String(request.headers['x-twilio-signature']),
          body,
          url: request.url ?? '',
        });
        response.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => callbacks.listen(0, '127.0.0.1', resolve));
    callbackUrl = `http://127.0.0.1:${(callbacks.address() as AddressInfo).port}/status/1`;
  });
  afterAll(async () => {
    await standIn.close();
    callbacks.close();
  });

  const raw = (path: string, init: RequestInit & { auth?: string } = {}) =>
    fetch(`${standIn.origin}${path}`, {
      ...init,
      headers: {
        authorization: `Basic ${Buffer.from(init.auth ?? `${ACCOUNT.accountSid}:${ACCOUNT.authToken}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
        ...(init.headers as Record<string, string> | undefined),
      },
    });

  test('the SDK sends a text through it; it answers in the documented shape', async () => {
    const violationsBefore = standIn.violations.length;
    const client = twilioClient(ACCOUNT, standIn.origin);
    const message = await client.messages.create({
      from: STORE,
      to: CUSTOMER,
      body: 'Your car is ready',
      mediaUrl: ['https://cloud.example/v1/media/1', 'https://cloud.example/v1/media/2'],
      statusCallback: callbackUrl,
    });
    expect(message.sid).toMatch(/^MM[0-9a-f]{32}$/);
    expect(message.status).toBe('queued');
    expect(message.dateCreated).toBeInstanceOf(Date);
    expect(message.uri).toBe(
      `/2010-04-01/Accounts/${ACCOUNT.accountSid}/Messages/${message.sid}.json`,
    );
    expect(standIn.sent.at(-1)).toMatchObject({
      to: CUSTOMER,
      from: STORE,
      body: 'Your car is ready',
      mediaUrls: ['https://cloud.example/v1/media/1', 'https://cloud.example/v1/media/2'],
      statusCallback: callbackUrl,
    });
    const listed = await client.messages.list({ to: CUSTOMER, from: STORE, limit: 5 });
    expect(listed.map((m) => m.sid)).toContain(message.sid);
    expect(standIn.violations.slice(violationsBefore)).toEqual([]);
  });

  test('a wrong path, a missing To, a bad enum, an unknown field and bad auth are caught', async () => {
    const before = standIn.violations.length;
    const base = `/2010-04-01/Accounts/${ACCOUNT.accountSid}`;
    const wrongPath = await raw(`${base}/Mesages.json`, { method: 'POST', body: 'To=%2B1&Body=x' });
    expect(wrongPath.status).toBe(404);
    expect(await wrongPath.json()).toMatchObject({
      code: 20404,
      status: 404,
      more_info: expect.stringContaining('20404'),
    });
    const noTo = await raw(`${base}/Messages.json`, {
      method: 'POST',
      body: `From=${encodeURIComponent(STORE)}&Body=x`,
    });
    expect(noTo.status).toBe(400);
    expect(((await noTo.json()) as { message: string }).message).toMatch(
      /'To' parameter is required/,
    );
    const badEnum = await raw(`${base}/Calls.json`, {
      method: 'POST',
      body: `To=%2B13035550123&From=%2B13035550142&Url=https%3A%2F%2Fx.test&StatusCallbackMethod=PUT`,
    });
    expect(badEnum.status).toBe(400);
    const unknownField = await raw(`${base}/Messages.json`, {
      method: 'POST',
      body: 'To=%2B1&From=%2B2&Body=x&Colour=red',
    });
    expect(unknownField.status).toBe(400);
    const badAuth = await raw(`${base}/Messages.json`, {
      method: 'POST',
      body: 'To=%2B1&From=%2B2&Body=x',
      auth: `${ACCOUNT.accountSid}:wrong`,
    });
    expect(badAuth.status).toBe(401);
    const badSid = await raw(`/2010-04-01/Accounts/ACnope/Messages.json`, {
      method: 'POST',
      body: 'To=%2B1&From=%2B2&Body=x',
    });
    expect(badSid.status).toBe(400);
    const wrongMethod = await raw(`${base}/Messages.json`, { method: 'PUT', body: 'To=%2B1' });
    expect(wrongMethod.status).toBe(405);
    expect(standIn.violations.length - before).toBe(7);
  });

  test('a failure a test asks for is answered as Twilio answers it, and the SDK throws it', async () => {
    const client = twilioClient(ACCOUNT, standIn.origin);
    standIn.failSendsTo('+13035550999', {
      status: 400,
      code: 21610,
      message: 'Attempt to send to unsubscribed recipient',
    });
    const refusal = await client.messages
      .create({ from: STORE, to: '+13035550999', body: 'hi' })
      .catch((error: unknown) => error);
    expect(refusal).toMatchObject({ status: 400, code: 21610 });
    standIn.failNextSend({ status: 500, code: 20500 });
    const broken = await client.messages
      .create({ from: STORE, to: CUSTOMER, body: 'hi' })
      .catch((e: unknown) => e);
    expect(broken).toMatchObject({ status: 500 });
  });

  test("MMS media needs the account's auth and redirects to its bytes", async () => {
    const { url } = standIn.addMedia(ACCOUNT.accountSid, 'image/png', Buffer.from('png bytes'));
    const path = new URL(url).pathname;
    expect((await raw(path, { method: 'GET', auth: `${ACCOUNT.accountSid}:nope` })).status).toBe(
      401,
    );
    const redirect = await raw(path, { method: 'GET', redirect: 'manual' });
    expect(redirect.status).toBe(302);
    const followed = await raw(path, { method: 'GET' });
    expect(followed.headers.get('content-type')).toBe('image/png');
    expect(await followed.text()).toBe('png bytes');
  });

  test('status callbacks are posted signed as Twilio signs them', async () => {
    const client = twilioClient(ACCOUNT, standIn.origin);
    const message = await client.messages.create({
      from: STORE,
      to: CUSTOMER,
      body: 'x',
      statusCallback: callbackUrl,
    });
    await standIn.postStatus(message.sid, 'delivered');
    await standIn.postStatus(message.sid, 'sent');
    const [delivered, sent] = received.slice(-2);
    const params = Object.fromEntries(new URLSearchParams(delivered?.body));
    expect(params).toMatchObject({ MessageSid: message.sid, MessageStatus: 'delivered' });
    expect(
      twilio.validateRequest(ACCOUNT.authToken, delivered?.signature ?? '', callbackUrl, params),
    ).toBe(true);
    expect(Object.fromEntries(new URLSearchParams(sent?.body)).MessageStatus).toBe('sent');
  });
});
