import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Api } from './harness/api';
import { BACKENDS } from './harness/test-cloud';
import {
  messageWhen,
  newTextingLead,
  sendText,
  startTextingWorld,
  type TextingWorld,
} from './harness/texting';
import { testTwilioAccount } from './harness/twilio';

/** Everything the cloud logs, at debug level, kept to search for what must never be there. */
class LogCapture extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: string, done: () => void) {
    this.text += chunk.toString();
    done();
  }
}

describe.each(BACKENDS)("the dealer group's Twilio account on $backend", ({ backend, skip }) => {
  let world: TextingWorld;
  const log = new LogCapture();
  let admin: Api;

  beforeAll(async () => {
    if (skip) return;
    world = await startTextingWorld(backend, log);
    admin = await new Api(world.cloud.url).login(world.acme.admin.email, world.acme.admin.password);
  });
  afterAll(async () => world?.stop());

  test.skipIf(skip)(
    'an admin saves the SID and token; the token is never answered back nor logged',
    async () => {
      // Random, so the token is not a piece of the SID (which may be logged).
      const account = {
        accountSid: `AC${randomBytes(16).toString('hex')}`,
        authToken: randomBytes(16).toString('hex'),
      };
      const saved = await admin.request('PUT', '/v1/admin/twilio', account);
      expect(saved).toEqual({
        status: 200,
        body: { accountSid: account.accountSid, configured: true },
      });
      const read = await admin.get('/v1/admin/twilio');
      expect(read.body).toEqual({ accountSid: account.accountSid, configured: true });
      const [row] = await world.cloud.db.query<{ auth_token_sealed: string }>(
        'SELECT auth_token_sealed FROM twilio_accounts WHERE tenant_id = $1',
        [world.acme.tenantId],
      );
      expect(row?.auth_token_sealed).not.toContain(account.authToken);

      // The cloud now texts on the new account, and still nothing shows the token.
      world.standIn.addAccount(account);
      const lead = await newTextingLead(world);
      const messageId = await sendText(admin, lead.id, 'On the new account');
      await messageWhen(world, messageId, (m) => m.providerId !== null);
      expect(world.standIn.sent.at(-1)?.accountSid).toBe(account.accountSid);

      const basic = Buffer.from(`${account.accountSid}:${account.authToken}`).toString('base64');
      for (const secret of [account.authToken, basic]) {
        expect(log.text).not.toContain(secret);
        expect(JSON.stringify([saved.body, read.body])).not.toContain(secret);
      }
      expect(log.text).toContain('Twilio account saved'); // the capture works
    },
  );

  test.skipIf(skip)('credentials that are not Twilio-shaped: 400 naming the field', async () => {
    const before = (await admin.get('/v1/admin/twilio')).body;
    const badSid = await admin.request('PUT', '/v1/admin/twilio', {
      accountSid: 'AB123',
      authToken: 'a'.repeat(32),
    });
    expect(badSid.status).toBe(400);
    expect(badSid.body.error.message).toMatch(/^accountSid/);
    const badToken = await admin.request('PUT', '/v1/admin/twilio', {
      accountSid: `AC${'0'.repeat(32)}`,
      authToken: 'short',
    });
    expect(badToken.status).toBe(400);
    expect(badToken.body.error.message).toMatch(/^authToken/);
    const missing = await admin.request('PUT', '/v1/admin/twilio', { accountSid: 'x' });
    expect(missing.status).toBe(400);
    expect((await admin.get('/v1/admin/twilio')).body).toEqual(before);
  });

  test.skipIf(skip)('agents and managers may not read or change it', async () => {
    for (const who of [world.acme.agent, world.acme.manager]) {
      const api = await new Api(world.cloud.url).login(who.email, who.password);
      expect((await api.get('/v1/admin/twilio')).status).toBe(403);
      expect((await api.request('PUT', '/v1/admin/twilio', testTwilioAccount())).status).toBe(403);
    }
  });
});
